package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectImagesView;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectTrackingView;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TimelineStepView;
import io.flops.common.api.TrackingKind;
import io.flops.common.api.TrackingView;
import io.flops.common.testsupport.MnistFiles;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary the demo ends with. */
class DemoSummaryTest {

  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");

  private static ProjectView project(
      ProjectState state, Map<Milestone, Instant> stages, String reason) {
    return new ProjectView(
        "p1",
        "Admin",
        state,
        null,
        List.of(new TimelineStepView(T0, null, ProjectState.ACCEPTED, null, "Project accepted.")),
        List.of(),
        new ProjectImagesView("c", "l", "a", false, "flops/p1/inference:c"),
        new ProjectTrackingView("file:///d/mlruns", "42", "r3", "runs:/r3/model"),
        reason == null ? 0.9677 : null,
        reason == null ? 0.1123 : null,
        reason == null ? "http://127.0.0.1:40001" : null,
        null,
        null,
        reason,
        reason == null ? null : "fl_actors_image_builder",
        stages,
        T0,
        T0);
  }

  @Test
  void aCompletedProjectShowsAccuracyMlflowImageUrlPredictionAndTimingsInStageOrder() {
    MnistTestImages digits = MnistTestImages.read(MnistFiles.directory());
    ProjectView project =
        project(
            ProjectState.COMPLETED,
            Map.of(
                Milestone.INFERENCE_READY, T0.plusSeconds(170),
                Milestone.ACCEPTED, T0,
                Milestone.FIRST_ROUND, T0.plusSeconds(75),
                Milestone.IMAGES_BUILT, T0.plusSeconds(52)),
            null);
    DemoResult result =
        new DemoResult(
            URI.create("http://127.0.0.1:5072/"),
            project,
            new TrackingView(
                "Admin",
                TrackingKind.FILE_STORE,
                null,
                "/d/mlruns",
                "mlflow ui --backend-store-uri /d/mlruns"),
            new DemoResult.Prediction(0, digits.label(0), "7", digits.image(0)),
            Duration.ofSeconds(161));

    List<String> lines = DemoSummary.lines(result);

    assertThat(lines)
        .contains(
            "Project p1 COMPLETED after 2:41 min (manager http://127.0.0.1:5072)",
            "  Final accuracy   0.9677 (loss 0.1123), the best round on the nodes' MNIST test digits",
            "  MLflow runs      experiment 42, best round's run r3 (model runs:/r3/model)",
            "  MLflow store     /d/mlruns",
            "                   see the runs with: mlflow ui --backend-store-uri /d/mlruns",
            "  Inference image  flops/p1/inference:c",
            "  Inference URL    http://127.0.0.1:40001/invocations",
            "  Prediction       MNIST test digit #0 (true label 7) -> \"7\" correct",
            "  Stage timings    accepted +0 s, images built +52 s, first round +75 s,"
                + " inference ready +170 s");
    assertThat(lines).anyMatch(line -> line.contains("###"));
  }

  @Test
  void aFailedProjectShowsWhyAndFallsBackToTheTimeline() {
    DemoResult result =
        new DemoResult(
            URI.create("http://127.0.0.1:5072"),
            project(
                ProjectState.FAILED, Map.of(), "Compilation failed: B.java:3: cannot find symbol"),
            null,
            null,
            Duration.ofSeconds(40));

    List<String> lines = DemoSummary.lines(result);

    assertThat(lines)
        .contains(
            "  Failure          Compilation failed: B.java:3: cannot find symbol"
                + " (fl_actors_image_builder)",
            "  Stage timings    ACCEPTED +0 s");
    assertThat(lines).noneMatch(line -> line.contains("Prediction"));
  }
}
