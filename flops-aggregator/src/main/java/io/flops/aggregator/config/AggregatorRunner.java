package io.flops.aggregator.config;

import io.flops.aggregator.role.AggregatorNode;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the aggregator's role once the context is up; exit code 0 on success, 1 on failure. */
@Component
class AggregatorRunner implements ApplicationRunner, ExitCodeGenerator {

  private final AggregatorNode node;
  private volatile int exitCode = 1;

  AggregatorRunner(AggregatorNode node) {
    this.node = node;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    exitCode = node.run() ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
