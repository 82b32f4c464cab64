package io.flops.learner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * FL client over gRPC: loads the user's ModelManager/DataManager from the classpath, reads its data
 * from the node's data server and trains until its aggregator finishes. Exits with 0 on success.
 */
@SpringBootApplication
public class LearnerApplication {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(LearnerApplication.class, args)));
  }
}
