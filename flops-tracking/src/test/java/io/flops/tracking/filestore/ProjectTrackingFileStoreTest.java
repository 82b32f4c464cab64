package io.flops.tracking.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.TestModels;
import io.flops.tracking.project.ProjectInfo;
import io.flops.tracking.project.ProjectTracking;
import io.flops.tracking.project.ProjectTrackingFixtures;
import io.flops.tracking.project.TrackingSummary;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-round project tracked into the file store, compared file by file with the layout of
 * FILESTORE.md (expected-3-round-store.txt lists it in FILESTORE.md's own notation).
 */
class ProjectTrackingFileStoreTest {

  @TempDir Path temp;

  @Test
  void writesMlflowsFileStoreLayoutForAThreeRoundProject() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectTracking tracking =
        ProjectTracking.start(new FileStoreTracker(root), ProjectTrackingFixtures.PROJECT);
    for (int round = 1; round <= 3; round++) {
      tracking.roundStarted(round);
      tracking.roundFinished(ProjectTrackingFixtures.round(round));
    }
    TrackingSummary summary =
        tracking.finish(tracking.bestRound(), TestModels.mnistModel(temp.resolve("best")));

    assertThat(StoreListing.describe(root)).isEqualTo(expected());
    assertThat(summary.bestRound()).isEqualTo(2);
    assertThat(summary.location()).isEqualTo(root.toString());
  }

  @Test
  void anAggregatorThatTakesOverDeletesTheRunsOfRoundsItRunsAgainAndKeepsTheOthers()
      throws Exception {
    Path root = temp.resolve("mlruns");
    FileStoreTracker lost = new FileStoreTracker(root);
    ProjectTracking first = ProjectTracking.start(lost, ProjectTrackingFixtures.PROJECT);
    first.roundFinished(ProjectTrackingFixtures.round(1));
    first.roundFinished(ProjectTrackingFixtures.round(2));
    String keptRun = first.runId(1).orElseThrow();
    String staleRun = first.runId(2).orElseThrow();
    // the aggregator is lost after tracking round 2, before its checkpoint of round 2

    FileStoreTracker store = new FileStoreTracker(root);
    ProjectTracking resumed = ProjectTracking.start(store, ProjectTrackingFixtures.PROJECT);
    resumed.adopt(1, keptRun);
    resumed.roundFinished(ProjectTrackingFixtures.round(2));
    resumed.roundFinished(ProjectTrackingFixtures.round(3));
    String experiment =
        store.getOrCreateExperiment(
            ProjectTrackingFixtures.PROJECT.experimentName(), java.util.Map.of());

    assertThat(store.activeRuns(experiment))
        .extracting(ExperimentTracker.TrackedRun::runName)
        .containsExactlyInAnyOrder("FLOps FL round 1", "FLOps FL round 2", "FLOps FL round 3");
    assertThat(store.activeRuns(experiment))
        .extracting(ExperimentTracker.TrackedRun::runId)
        .contains(keptRun)
        .doesNotContain(staleRun);
    assertThat(root.resolve(experiment).resolve(staleRun).resolve("meta.yaml"))
        .content()
        .contains("lifecycle_stage: deleted", "deleted_time: ");
  }

  @Test
  void aHierarchicalCycleThatRunsAgainLosesTheClusterRunsOfItsLostAttempt() throws Exception {
    Path root = temp.resolve("mlruns");
    ProjectInfo hierarchical = ProjectTrackingFixtures.HIERARCHICAL;
    ProjectTracking first = ProjectTracking.start(new FileStoreTracker(root), hierarchical);
    first.roundFinished(ProjectTrackingFixtures.cycle(1));
    first.roundFinished(ProjectTrackingFixtures.cycle(2));
    String keptCycle = first.runId(1).orElseThrow();
    // the root aggregator is lost after tracking cycle 2, before its checkpoint of cycle 2

    FileStoreTracker store = new FileStoreTracker(root);
    ProjectTracking resumed = ProjectTracking.start(store, hierarchical);
    resumed.adopt(1, keptCycle);
    resumed.roundFinished(ProjectTrackingFixtures.cycle(2));
    String experiment = store.getOrCreateExperiment(hierarchical.experimentName(), Map.of());

    assertThat(store.activeRuns(experiment))
        .extracting(ExperimentTracker.TrackedRun::runName)
        .containsExactlyInAnyOrder(
            "FLOps FL round 1",
            "FLOps FL cycle 1 cluster edge-a round 1",
            "FLOps FL cycle 1 cluster edge-b round 1",
            "FLOps FL round 2",
            "FLOps FL cycle 2 cluster edge-a round 1",
            "FLOps FL cycle 2 cluster edge-b round 1");
    String cycleTwo = resumed.runId(2).orElseThrow();
    for (ExperimentTracker.TrackedRun run : store.activeRuns(experiment)) {
      if (run.runName().startsWith("FLOps FL cycle 2 ")) {
        assertThat(root.resolve(experiment).resolve(run.runId()).resolve("tags/mlflow.parentRunId"))
            .hasContent(cycleTwo);
      }
    }
  }

  private static String expected() throws Exception {
    try (InputStream in =
        ProjectTrackingFileStoreTest.class.getResourceAsStream(
            "/filestore/expected-3-round-store.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
