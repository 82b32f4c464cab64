package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.progress.ProgressView;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TimelineStepView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator killed with SIGKILL in round 2 of 5 costs the project nothing: the manager sees it
 * gone, deploys the training again, the new aggregator resumes from its checkpoint, and the project
 * completes with every round tracked exactly once.
 */
class AggregatorKilledIT {

  private static final int ROUNDS = 5;

  @TempDir Path dir;

  @Test
  void anAggregatorKilledInRoundTwoIsRestartedAndTheTrainingCompletesWithEachRoundOnce()
      throws Exception {
    DemoOptions defaults = DemoOptions.defaults(DemoIT.HOME);
    DemoOptions options =
        TestDemos.options(
            dir,
            ROUNDS,
            defaults.nodes(),
            defaults.repository(),
            Duration.ofMinutes(15),
            List.of("--flops.lifecycle.failure-grace=2s"));
    CapturedOutput output = new CapturedOutput();
    try (DemoRun demo = new DemoRun(options, new ProgressView(output.terminal()))) {
      CompletableFuture<DemoResult> run = CompletableFuture.supplyAsync(demo::run);
      MlflowFileStore mlflow = new MlflowFileStore(dir.resolve("data").resolve("mlruns"));

      awaitRound(1, demo, mlflow, run);
      ProcessHandle aggregator = aggregatorProcess(demo.managerProcess());
      aggregator.destroyForcibly();
      assertThat(aggregator.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

      DemoResult result = run.get(15, TimeUnit.MINUTES);
      ProjectView project = result.project();
      assertThat(project.state())
          .as("failure: %s", project.failureReason())
          .isEqualTo(ProjectState.COMPLETED);
      assertThat(project.timeline())
          .extracting(TimelineStepView::message)
          .anySatisfy(
              message ->
                  assertThat(message)
                      .contains("aggregator")
                      .endsWith(
                          "Training resumes from the aggregator's last checkpoint (restart 1 of"
                              + " 2)."));
      List<MlflowFileStore.Run> runs =
          mlflow.runs(mlflow.experiment("FLOps Project " + project.id()));
      assertThat(runs)
          .extracting(MlflowFileStore.Run::name)
          .containsExactlyInAnyOrder(
              "FLOps FL round 1",
              "FLOps FL round 2",
              "FLOps FL round 3",
              "FLOps FL round 4",
              "FLOps FL round 5");
      for (MlflowFileStore.Run round : runs) {
        assertThat(Files.readAllLines(round.dir().resolve("metrics").resolve("accuracy")))
            .as("accuracy values logged in %s", round.name())
            .hasSize(1);
      }
      assertThat(project.accuracy()).isGreaterThanOrEqualTo(0.90);
      assertThat(dir.resolve("data").resolve("checkpoints").resolve(project.id()))
          .as("checkpoints are deleted when the project ends")
          .doesNotExist();
    }
  }

  /** Waits until round {@code round} is tracked (the training is then in the next round). */
  private static void awaitRound(
      int round, DemoRun demo, MlflowFileStore mlflow, CompletableFuture<DemoResult> run) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
    String name = "FLOps FL round " + round;
    while (Instant.now().isBefore(deadline)) {
      assertThat(run).as("the demo ended before round %d was tracked", round).isNotDone();
      Optional<List<MlflowFileStore.Run>> runs = runs(demo, mlflow);
      if (runs.isPresent() && runs.get().stream().anyMatch(r -> r.name().equals(name))) {
        return;
      }
      Sleep.millis(200);
    }
    throw new AssertionError("Round " + round + " was not tracked within 8 minutes");
  }

  private static Optional<List<MlflowFileStore.Run>> runs(DemoRun demo, MlflowFileStore mlflow) {
    String id = demo.projectId();
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(mlflow.runs(mlflow.experiment("FLOps Project " + id)));
    } catch (AssertionError | RuntimeException notYet) {
      return Optional.empty();
    }
  }

  /** The aggregator's JVM among the manager's child processes (not its watchdog shell). */
  private static ProcessHandle aggregatorProcess(ManagerProcess manager) {
    List<ProcessHandle> aggregators =
        manager.children().stream()
            .filter(handle -> handle.info().command().orElse("").endsWith("/java"))
            .filter(
                handle ->
                    handle
                        .info()
                        .commandLine()
                        .orElse("")
                        .toLowerCase(Locale.ROOT)
                        .contains("aggregator"))
            .toList();
    assertThat(aggregators).as("aggregator processes of the manager").hasSize(1);
    return aggregators.get(0);
  }
}
