package io.flops.tracking.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.ExperimentTrackerContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The file-store adapter passes the port's contract, and keeps what a second tracker reads. */
class FileStoreTrackerTest extends ExperimentTrackerContract {

  @Override
  protected ExperimentTracker newTracker() {
    return new FileStoreTracker(temp.resolve("mlruns"));
  }

  @Test
  void aRestartedTrackerReusesTheExperimentAndEndsRunsItDidNotStart() throws Exception {
    String experiment;
    String run;
    try (ExperimentTracker first = newTracker()) {
      experiment = first.getOrCreateExperiment("fl-mnist", Map.of());
      run = first.startRun(experiment, "round 1", null, Map.of());
    }
    try (ExperimentTracker second = newTracker()) {
      assertThat(second.getOrCreateExperiment("fl-mnist", Map.of())).isEqualTo(experiment);
      second.logMetrics(run, Map.of("loss", 0.5), 1);
      second.logMetrics(run, Map.of("loss", 0.25), 2);
      second.endRun(run, RunStatus.FAILED);
    }
    Path runFolder = temp.resolve("mlruns").resolve(experiment).resolve(run);
    assertThat(Files.readString(runFolder.resolve("meta.yaml"))).contains("status: 4\n");
    assertThat(Files.readAllLines(runFolder.resolve("metrics/loss")))
        .hasSize(2)
        .allMatch(line -> line.matches("1[0-9]{12} 0\\.(5|25) [12]"));
  }

  @Test
  void registersEachLoggedModelAsTheNextVersion() throws Exception {
    try (ExperimentTracker tracker = newTracker()) {
      String experiment = tracker.getOrCreateExperiment("fl-mnist", Map.of());
      for (int round = 1; round <= 2; round++) {
        String run = tracker.startRun(experiment, "round " + round, null, Map.of());
        tracker.logModel(
            run, "model", io.flops.tracking.TestModels.mnistModel(temp.resolve("m" + round)), "p");
      }
    }
    Path model = temp.resolve("mlruns/models/p");
    assertThat(Files.readString(model.resolve("version-2/meta.yaml"))).contains("version: 2\n");
    assertThat(Files.exists(model.resolve("version-3"))).isFalse();
  }
}
