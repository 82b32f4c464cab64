package io.flops.observer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Per-project observer: events as JSON, SSE and a live web page. */
@SpringBootApplication
public class ObserverApplication {

  public static void main(String[] args) {
    SpringApplication.run(ObserverApplication.class, args);
  }
}
