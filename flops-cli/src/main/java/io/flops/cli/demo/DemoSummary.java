package io.flops.cli.demo;

import io.flops.cli.progress.Terminal;
import io.flops.cli.project.StageTimings;
import io.flops.common.api.ProjectTrackingView;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TrackingKind;
import io.flops.common.api.TrackingView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines the demo ends with: result, MLflow, inference image, URL, a prediction, timings. */
public final class DemoSummary {

  private DemoSummary() {}

  /** Prints the summary of {@code result}. */
  public static void print(DemoResult result, Terminal terminal) {
    lines(result).forEach(terminal::line);
  }

  /** The summary's lines. */
  public static List<String> lines(DemoResult result) {
    ProjectView project = result.project();
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "Project "
            + project.id()
            + " "
            + project.state()
            + " after "
            + minutes(result.elapsed())
            + " (manager "
            + result.managerUrl().toString().replaceAll("/$", "")
            + ")");
    if (project.failureReason() != null) {
      String component =
          project.failingComponent() == null ? "" : " (" + project.failingComponent() + ")";
      lines.add(row("Failure", project.failureReason() + component));
    }
    if (project.accuracy() != null) {
      lines.add(
          row(
              "Final accuracy",
              String.format(
                  Locale.ROOT,
                  "%.4f (loss %.4f), the best round on the nodes' MNIST test digits",
                  project.accuracy(),
                  project.loss() == null ? Double.NaN : project.loss())));
    }
    tracking(project, result.tracking(), lines);
    if (project.images() != null && project.images().trainedModel() != null) {
      lines.add(row("Inference image", project.images().trainedModel()));
    }
    if (project.inferenceUrl() != null) {
      lines.add(row("Inference URL", project.inferenceUrl() + "/invocations"));
    }
    DemoResult.Prediction prediction = result.prediction();
    if (prediction != null) {
      lines.add(
          row(
              "Prediction",
              "MNIST test digit #"
                  + prediction.index()
                  + " (true label "
                  + prediction.label()
                  + ") -> \""
                  + prediction.predicted()
                  + "\" "
                  + (prediction.correct() ? "correct" : "wrong")));
      DigitArt.lines(prediction.pixels()).forEach(line -> lines.add(row("", line)));
    }
    lines.add(row("Stage timings", timings(project)));
    return lines;
  }

  private static void tracking(ProjectView project, TrackingView where, List<String> lines) {
    ProjectTrackingView tracking = project.tracking();
    if (tracking != null && tracking.experimentId() != null) {
      lines.add(
          row(
              "MLflow runs",
              "experiment "
                  + tracking.experimentId()
                  + ", best round's run "
                  + tracking.runId()
                  + " (model "
                  + tracking.modelUri()
                  + ")"));
    }
    if (where == null) {
      return;
    }
    if (where.kind() == TrackingKind.FILE_STORE) {
      lines.add(row("MLflow store", where.storeDirectory()));
      lines.add(row("", "see the runs with: " + where.uiCommand()));
    } else if (where.kind() == TrackingKind.SERVER) {
      lines.add(row("MLflow server", where.trackingUrl()));
    }
  }

  /** The stage timings as offsets from acceptance; from the timeline when the manager has none. */
  static String timings(ProjectView project) {
    return StageTimings.of(project);
  }

  private static String minutes(Duration duration) {
    return StageTimings.minutes(duration);
  }

  private static String row(String label, String value) {
    return String.format(Locale.ROOT, "  %-16s %s", label, value);
  }
}
