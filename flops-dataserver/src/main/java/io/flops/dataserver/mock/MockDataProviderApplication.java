package io.flops.dataserver.mock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The mock data provider: a one-shot application that pushes one partitioned data set to data
 * servers and exits with 0 on success, 1 on failure.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MockDataProviderApplication {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(MockDataProviderApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setAdditionalProfiles("mock");
    System.exit(SpringApplication.exit(application.run(args)));
  }
}
