package io.flops.images;

import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program to its end, keeping its output in a log file. */
record Command(List<String> line, Path directory, Map<String, String> environment) {

  /** Exit code and output of one run. */
  record Result(int exitCode, String output) {

    /** The output, failing with it when the program did not exit 0. */
    String expectSuccess(Command command) {
      if (exitCode != 0) {
        throw new AssertionError(
            String.join(" ", command.line()) + " exited " + exitCode + ":\n" + tail());
      }
      return output;
    }

    private String tail() {
      return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
  }

  static Command of(Path directory, String... line) {
    return new Command(List.of(line), directory, Map.of());
  }

  Command withEnvironment(Map<String, String> variables) {
    return new Command(line, directory, variables);
  }

  /**
   * Runs the command; fails loudly when its binary is missing or it runs longer than {@code
   * timeout}.
   */
  Result run(String debianPackage, Duration timeout, Path log) {
    ExternalServer.requireBinary(line.get(0), debianPackage);
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(String.join(" ", line) + " did not finish within " + timeout);
      }
      return new Result(process.exitValue(), Files.readString(log));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + line.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + line.get(0), e);
    }
  }
}
