package io.flops.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.TrackingKind;
import io.flops.common.launch.TrackingLaunch;
import io.flops.tracking.filestore.FileStoreTracker;
import io.flops.tracking.server.MlflowServerTracker;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter and "where users look" follow FLOPS_TRACKING_URI. */
class TrackerFactoryTest {

  @TempDir Path temp;

  @Test
  void anHttpUriTracksIntoAServer() {
    TrackingLaunch settings =
        TrackingLaunch.fromEnvironment(
            Map.of(
                "FLOPS_TRACKING_URI",
                "https://mlflow.example.org",
                "FLOPS_TRACKING_TOKEN",
                "s3cr3t-token"));
    try (ExperimentTracker tracker = TrackerFactory.open(settings).orElseThrow()) {
      assertThat(tracker).isInstanceOf(MlflowServerTracker.class);
      assertThat(tracker.location()).isEqualTo("https://mlflow.example.org");
    }
    assertThat(TrackingLocation.of(settings))
        .isEqualTo(new TrackingLocation(TrackingKind.SERVER, "https://mlflow.example.org", "", ""));
    assertThat(settings.toString()).doesNotContain("s3cr3t-token").contains("credentials=set");
  }

  @Test
  void aFileUriOrAPathTracksIntoAFileStore() {
    Path store = temp.resolve("data dir/mlruns");
    for (String uri : new String[] {store.toUri().toString(), "file:" + store, store.toString()}) {
      TrackingLaunch settings = new TrackingLaunch(uri, "", "", "");
      try (ExperimentTracker tracker = TrackerFactory.open(settings).orElseThrow()) {
        assertThat(tracker).isInstanceOf(FileStoreTracker.class);
        assertThat(tracker.location()).isEqualTo(store.toString());
      }
      assertThat(TrackingLocation.of(settings).uiCommand())
          .isEqualTo("mlflow ui --backend-store-uri '" + store + "'");
    }
  }

  @Test
  void anEmptyUriMeansNoTracking() {
    TrackingLaunch settings = TrackingLaunch.fromEnvironment(Map.of());
    assertThat(TrackerFactory.open(settings)).isEmpty();
    assertThat(TrackingLocation.of(settings).kind()).isEqualTo(TrackingKind.NONE);
  }
}
