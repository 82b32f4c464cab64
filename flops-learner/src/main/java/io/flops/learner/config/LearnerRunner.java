package io.flops.learner.config;

import io.flops.learner.training.Learner;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the learner once the context is up; exit code 0 on success, 1 on failure. */
@Component
class LearnerRunner implements ApplicationRunner, ExitCodeGenerator {

  private final Learner<?> learner;
  private volatile int exitCode = 1;

  LearnerRunner(Learner<?> learner) {
    this.learner = learner;
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    exitCode = learner.run() ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
