package io.flops.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The second JVM of the scale benchmark, running {@link SimulatedLearners}. */
final class LearnerProcess implements AutoCloseable {

  private final Process process;

  private LearnerProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code perPort} learners for each of {@code ports} on loopback. */
  static LearnerProcess start(long computeMillis, int perPort, List<Integer> ports)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.add("-Xss256k");
    command.add("-jar");
    command.add(System.getProperty("java.class.path"));
    command.add("scale-learners");
    command.add(String.valueOf(computeMillis));
    command.add(String.valueOf(perPort));
    ports.forEach(port -> command.add("127.0.0.1:" + port));
    return new LearnerProcess(
        new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start());
  }

  /** Waits for the learners to finish. */
  void awaitExit() throws InterruptedException {
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
