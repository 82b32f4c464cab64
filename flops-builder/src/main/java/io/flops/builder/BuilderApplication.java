package io.flops.builder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One-shot image builder: fl-actors and trained-model build plans. */
@SpringBootApplication
public class BuilderApplication {

  public static void main(String[] args) {
    SpringApplication.run(BuilderApplication.class, args);
  }
}
