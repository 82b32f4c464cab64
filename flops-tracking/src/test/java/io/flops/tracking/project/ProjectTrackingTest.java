package io.flops.tracking.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.tracking.TestModels;
import io.flops.tracking.filestore.FileStoreTracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is tracked about a project, read back from the file store. */
class ProjectTrackingTest {

  @TempDir Path temp;

  @Test
  void theBestModelLandsInTheBestRoundsRunNotTheLast() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectTracking tracking =
        ProjectTracking.start(new FileStoreTracker(root), ProjectTrackingFixtures.PROJECT);
    List<Boolean> newBest =
        Stream.of(1, 2, 3)
            .map(round -> tracking.roundFinished(ProjectTrackingFixtures.round(round)))
            .toList();
    TrackingSummary summary =
        tracking.finish(tracking.bestRound(), TestModels.mnistModel(temp.resolve("best")));

    assertThat(newBest).containsExactly(true, true, false);
    Path experiment = root.resolve(summary.experimentId());
    assertThat(runNamed(experiment, "FLOps FL round 2").getFileName().toString())
        .isEqualTo(summary.bestRunId());
    assertThat(modelsIn(experiment)).containsExactly(runNamed(experiment, "FLOps FL round 2"));
    assertThat(summary.modelUri()).isEqualTo("runs:/" + summary.bestRunId() + "/model");
  }

  @Test
  void aRoundsRunStartsWhenTheRoundStartedAndEndsWhenItFinished() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectTracking tracking =
        ProjectTracking.start(new FileStoreTracker(root), ProjectTrackingFixtures.PROJECT);
    RoundRecord round = ProjectTrackingFixtures.round(2);
    tracking.roundFinished(ProjectTrackingFixtures.round(1));
    tracking.roundFinished(round);
    TrackingSummary summary = tracking.finish(2, TestModels.mnistModel(temp.resolve("best")));

    String meta =
        read(
            runNamed(root.resolve(summary.experimentId()), "FLOps FL round 2")
                .resolve("meta.yaml"));
    assertThat(meta)
        .contains(
            "start_time: " + round.started().toEpochMilli() + "\n",
            "end_time: " + round.finished().toEpochMilli() + "\n");
  }

  @Test
  void hierarchicalCyclesAreRunsWithTheClustersRoundsNestedInThem() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectTracking tracking =
        ProjectTracking.start(new FileStoreTracker(root), ProjectTrackingFixtures.HIERARCHICAL);
    RoundRecord cycle = ProjectTrackingFixtures.cycle(1);
    tracking.roundFinished(cycle);
    TrackingSummary summary = tracking.finish(1, TestModels.mnistModel(temp.resolve("best")));

    Path experiment = root.resolve(summary.experimentId());
    Path cycleRun = runNamed(experiment, "FLOps FL round 1");
    Path nested = runNamed(experiment, "FLOps FL cycle 1 cluster edge-b round 1");
    assertThat(Files.readString(nested.resolve("tags/mlflow.parentRunId")))
        .isEqualTo(cycleRun.getFileName().toString());
    assertThat(Files.readString(cycleRun.resolve("tags/flops.role"))).isEqualTo("root");
    assertThat(Files.readString(nested.resolve("metrics/loss"))).endsWith(" 0.9 1\n");
  }

  @Test
  void aRoundThatWasNeverTrackedHasNoRunForTheModel() throws Exception {
    ProjectTracking tracking =
        ProjectTracking.start(
            new FileStoreTracker(temp.resolve("mlruns")), ProjectTrackingFixtures.PROJECT);
    tracking.roundFinished(ProjectTrackingFixtures.round(1));
    assertThatThrownBy(() -> tracking.finish(5, TestModels.mnistModel(temp.resolve("m"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Round 5 of project mnist-demo was never tracked");
  }

  @Test
  void aBrokenStoreNeverFailsTraining() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectTracking tracking =
        ProjectTracking.start(new FileStoreTracker(root), ProjectTrackingFixtures.PROJECT);
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    Files.writeString(root, "not a directory any more");

    assertThat(tracking.roundFinished(ProjectTrackingFixtures.round(1))).isTrue();
    assertThat(tracking.finish(1, TestModels.mnistModel(temp.resolve("m"))).bestRound())
        .isEqualTo(1);
  }

  private static Path runNamed(Path experiment, String name) throws Exception {
    try (Stream<Path> runs = Files.list(experiment)) {
      return runs.filter(run -> Files.exists(run.resolve("tags/mlflow.runName")))
          .filter(run -> read(run.resolve("tags/mlflow.runName")).equals(name))
          .findFirst()
          .orElseThrow();
    }
  }

  private static List<Path> modelsIn(Path experiment) throws Exception {
    try (Stream<Path> runs = Files.list(experiment)) {
      return runs.filter(run -> Files.exists(run.resolve("artifacts/model/MLmodel"))).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
