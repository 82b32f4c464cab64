package io.flops.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.tracking.ExperimentTracker.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ExperimentTracker} adapter must do; an adapter's test extends this. Names are
 * those of the recorded MLflow exchanges, so the server adapter runs it against their replay.
 */
public abstract class ExperimentTrackerContract {

  @TempDir protected Path temp;

  /** A fresh tracker on an empty store. */
  protected abstract ExperimentTracker newTracker();

  @Test
  void findsTheExperimentItCreatedByName() {
    try (ExperimentTracker tracker = newTracker()) {
      String created = tracker.getOrCreateExperiment("fl-mnist", Map.of("fl.federation", "x"));
      assertThat(tracker.getOrCreateExperiment("fl-mnist", Map.of())).isEqualTo(created);
    }
  }

  @Test
  void aLoggedModelCanBeDownloadedFromItsRun() throws Exception {
    try (ExperimentTracker tracker = newTracker()) {
      String experiment = tracker.getOrCreateExperiment("fl-mnist", Map.of());
      String run = tracker.startRun(experiment, "client-1-round-1", null, Map.of());
      tracker.logMetrics(run, Map.of("loss", 0.25), 1);
      tracker.endRun(run, RunStatus.FINISHED);
      String uri =
          tracker.logModel(
              run, "model", TestModels.mnistModel(temp.resolve("saved")), "fl-mnist-global");

      assertThat(uri).isEqualTo("runs:/" + run + "/model");
      Path downloaded = tracker.downloadArtifacts(run, "model", temp.resolve("downloaded"));
      assertThat(Files.readAllBytes(downloaded.resolve("model.bin")))
          .isEqualTo(TestModels.modelBytes());
      assertThat(Files.readString(downloaded.resolve("MLmodel")))
          .contains("flavors:\n  dl4j:\n", "model_data: model.bin");
    }
  }
}
