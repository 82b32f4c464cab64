package io.flops.dataserver.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ML data server: Arrow Flight on the data port, health and metrics over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DataServerApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(DataServerApplication.class);
    application.setAdditionalProfiles("dataserver");
    application.run(args);
  }
}
