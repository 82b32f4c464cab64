package io.flops.learner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** FL client over gRPC; loads the user's ModelManager/DataManager; reads data over Arrow Flight. */
@SpringBootApplication
public class LearnerApplication {

  public static void main(String[] args) {
    SpringApplication.run(LearnerApplication.class, args);
  }
}
