package io.flops.dataserver;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** ML data server (Arrow Flight, data tags) and the mock data provider. */
@SpringBootApplication
public class DataServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(DataServerApplication.class, args);
  }
}
