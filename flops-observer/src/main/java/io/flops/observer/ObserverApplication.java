package io.flops.observer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Per-project observer: events as JSON, SSE and a live web page. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ObserverApplication {

  public static void main(String[] args) {
    SpringApplication.run(ObserverApplication.class, args);
  }
}
