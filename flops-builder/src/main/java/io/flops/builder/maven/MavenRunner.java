package io.flops.builder.maven;

import io.flops.builder.plan.BuildFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real Maven as a child process and keeps its output in a log file. */
public final class MavenRunner {

  private final String command;
  private final Path localRepository;
  private final boolean offline;
  private final Duration timeout;

  public MavenRunner(String command, Path localRepository, boolean offline, Duration timeout) {
    this.command = command;
    this.localRepository = localRepository.toAbsolutePath();
    this.offline = offline;
    this.timeout = timeout;
  }

  /** Exit code and output lines of one Maven run. */
  public record Run(int exitCode, List<String> log) {}

  public Path localRepository() {
    return localRepository;
  }

  /** Runs Maven in {@code directory} with {@code arguments}; the output goes to {@code logFile}. */
  public Run run(Path directory, List<String> arguments, Path logFile) throws BuildFailure {
    List<String> commandLine = new ArrayList<>(List.of(command, "-B", "-ntp"));
    if (offline) {
      commandLine.add("-o");
    }
    commandLine.add("-Dmaven.repo.local=" + localRepository);
    commandLine.addAll(arguments);
    try {
      Process process =
          new ProcessBuilder(commandLine)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile())
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new BuildFailure("Maven did not finish within " + timeout + ".");
      }
      return new Run(process.exitValue(), Files.readAllLines(logFile));
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot run Maven ('" + command + "'): " + e.getMessage() + "; is Maven installed?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildFailure("Interrupted while Maven was running.", e);
    }
  }
}
