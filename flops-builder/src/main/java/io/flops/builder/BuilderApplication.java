package io.flops.builder;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One-shot image builder: runs the plan named by {@code FLOPS_BUILDER_PLAN} and exits with 0 on
 * success, 1 on failure.
 */
@SpringBootApplication
public class BuilderApplication {

  public static void main(String[] args) {
    System.exit(SpringApplication.exit(SpringApplication.run(BuilderApplication.class, args)));
  }
}
