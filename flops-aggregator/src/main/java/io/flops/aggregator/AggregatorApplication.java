package io.flops.aggregator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** FL server over gRPC: classic, root and cluster roles; strategies; tracking. */
@SpringBootApplication
public class AggregatorApplication {

  public static void main(String[] args) {
    SpringApplication.run(AggregatorApplication.class, args);
  }
}
