package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.client.ProjectStatus;
import io.flops.cli.progress.ProgressView;
import io.flops.cli.progress.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose repository does not compile fails with the compiler's message, and nothing it
 * started keeps running.
 */
class BrokenRepoIT {

  private static final String MISSING = "UndefinedFlopsLayer";

  @TempDir Path dir;

  @Test
  void aRepositoryThatDoesNotCompileFailsWithTheCompilersMessageAndLeavesNothingRunning()
      throws IOException {
    Path broken = brokenCopyOfTheExample();
    DemoOptions defaults = DemoOptions.defaults(DemoIT.HOME);
    DemoOptions options =
        new DemoOptions(
            DemoIT.HOME,
            dir.resolve("data"),
            null,
            FreePorts.any(),
            false,
            defaults.clusters(),
            defaults.learners(),
            defaults.rounds(),
            0,
            broken,
            defaults.slaTemplate(),
            Duration.ofMinutes(5),
            List.of("--flops.lifecycle.simulated-nodes=0", "--flops.lifecycle.observer-grace=0s"),
            null);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Terminal terminal = new Terminal(new PrintStream(output, true, StandardCharsets.UTF_8), false);
    try (DemoRun demo = new DemoRun(options, new ProgressView(terminal))) {
      DemoResult result = demo.run();

      ProjectStatus project = result.project();
      assertThat(project.state()).isEqualTo("FAILED");
      assertThat(project.failureReason())
          .contains("MnistModel.java")
          .contains("cannot find symbol")
          .contains(MISSING);
      assertThat(result.prediction()).isNull();
      assertThat(demo.manager().project(project.id()).runningServices()).isEmpty();
      assertThat(serviceProcessesAfterAWhile(demo.managerProcess())).isEmpty();

      demo.close();
      assertThat(demo.forced()).isEmpty();
      assertThat(demo.managerProcess().leftovers()).isEmpty();
    }
    assertThat(output.toString(StandardCharsets.UTF_8)).contains("FAILED", MISSING);
  }

  /** The example with one class referring to a class that does not exist, as a plain directory. */
  private Path brokenCopyOfTheExample() throws IOException {
    Path copy = dir.resolve("broken-mnist");
    ExampleRepository.commit(DemoIT.HOME.resolve("examples").resolve("mnist-dl4j"), copy);
    Path model = copy.resolve("src/main/java/io/flops/examples/mnist/MnistModel.java");
    String source = Files.readString(model);
    int end = source.lastIndexOf('}');
    Files.writeString(
        model,
        source.substring(0, end)
            + "\n  static Object broken() {\n    return new "
            + MISSING
            + "();\n  }\n}\n");
    return copy;
  }

  /**
   * The manager's service processes (exec jars) still alive, waiting up to 30 s for them to stop.
   */
  private static List<String> serviceProcessesAfterAWhile(ManagerProcess manager) {
    Instant deadline = Instant.now().plusSeconds(30);
    List<String> services = services(manager);
    while (!services.isEmpty() && Instant.now().isBefore(deadline)) {
      Sleep.millis(500);
      services = services(manager);
    }
    return services;
  }

  private static List<String> services(ManagerProcess manager) {
    return manager.children().stream()
        .map(handle -> handle.info().commandLine().orElse(""))
        .filter(command -> command.contains("-exec.jar") && !command.contains("flops-manager-"))
        .toList();
  }
}
