package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.progress.ProgressView;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import java.io.IOException;
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
  private static final String MODEL = "src/main/java/io/flops/examples/mnist/MnistModel.java";

  @TempDir Path dir;

  @Test
  void aRepositoryThatDoesNotCompileFailsWithTheCompilersMessageAndLeavesNothingRunning()
      throws IOException {
    Path broken = brokenCopyOfTheExample();
    DemoOptions options =
        TestDemos.options(
            dir,
            DemoOptions.defaults(DemoIT.HOME).rounds(),
            0,
            broken,
            Duration.ofMinutes(5),
            List.of("--flops.lifecycle.simulated-nodes=0", "--flops.lifecycle.observer-grace=0s"));
    CapturedOutput output = new CapturedOutput();
    try (DemoRun demo = new DemoRun(options, new ProgressView(output.terminal()))) {
      DemoResult result = demo.run();

      ProjectView project = result.project();
      assertThat(project.state()).isEqualTo(ProjectState.FAILED);
      assertThat(project.failureReason())
          .contains("does not compile")
          .contains(
              "MnistModel.java:"
                  + brokenLine(broken)
                  + ": cannot find symbol (symbol: class "
                  + MISSING
                  + ")");
      assertThat(result.prediction()).isNull();
      assertThat(servicesAfterAWhile(demo, project.id())).isEmpty();
      assertThat(serviceProcessesAfterAWhile(demo.managerProcess())).isEmpty();

      demo.close();
      assertThat(demo.forced()).isEmpty();
      assertThat(demo.managerProcess().leftovers()).isEmpty();
    }
    assertThat(output.text()).contains("FAILED", "cannot find symbol");
  }

  /** The example with one class referring to a class that does not exist, as a plain directory. */
  private Path brokenCopyOfTheExample() throws IOException {
    Path copy = dir.resolve("broken-mnist");
    ExampleRepository.commit(DemoIT.HOME.resolve("examples").resolve("mnist-dl4j"), copy);
    Path model = copy.resolve(MODEL);
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

  /** The number of the line that refers to the missing class. */
  private static int brokenLine(Path repository) throws IOException {
    List<String> lines = Files.readAllLines(repository.resolve(MODEL));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(MISSING)) {
        return i + 1;
      }
    }
    throw new AssertionError("No line refers to " + MISSING);
  }

  /**
   * The services the project view lists as running, waiting up to 30 s for the manager to undeploy
   * them (it cleans up right after it saved the end).
   */
  private static List<?> servicesAfterAWhile(DemoRun demo, String id) {
    Instant deadline = Instant.now().plusSeconds(30);
    List<?> running = demo.manager().project(id).runningServices();
    while (!running.isEmpty() && Instant.now().isBefore(deadline)) {
      Sleep.millis(500);
      running = demo.manager().project(id).runningServices();
    }
    return running;
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
