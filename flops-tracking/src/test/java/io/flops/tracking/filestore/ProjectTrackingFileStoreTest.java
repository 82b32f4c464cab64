package io.flops.tracking.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.tracking.TestModels;
import io.flops.tracking.project.ProjectTracking;
import io.flops.tracking.project.ProjectTrackingFixtures;
import io.flops.tracking.project.TrackingSummary;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

  private static String expected() throws Exception {
    try (InputStream in =
        ProjectTrackingFileStoreTest.class.getResourceAsStream(
            "/filestore/expected-3-round-store.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
