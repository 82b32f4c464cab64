package io.flops.inference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Serves a trained model with MLflow's scoring protocol. */
@SpringBootApplication
public class InferenceApplication {

  public static void main(String[] args) {
    SpringApplication.run(InferenceApplication.class, args);
  }
}
