package io.flops.aggregator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * FL server over gRPC: classic, root and cluster roles; strategies; tracking. Runs one training and
 * exits with 0 when it succeeded, 1 when it failed.
 */
@SpringBootApplication
public class AggregatorApplication {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(AggregatorApplication.class, args)));
  }
}
