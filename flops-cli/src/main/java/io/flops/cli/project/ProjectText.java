package io.flops.cli.project;

import io.flops.common.api.DeployedServiceView;
import io.flops.common.api.ProjectImagesView;
import io.flops.common.api.ProjectSummary;
import io.flops.common.api.ProjectTrackingView;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TimelineStepView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Projects as text: a project's details and timeline, the project list as a table. */
public final class ProjectText {

  private static final String LIST_ROW = "%-14s %-24s %-12s %-20s %s";

  private ProjectText() {}

  /** What {@code flops status} prints: the details, then the timeline. */
  public static List<String> status(ProjectView project) {
    List<String> lines = new ArrayList<>();
    lines.add("Project " + project.id() + " of " + project.customerId() + ": " + project.state());
    lines.add(row("Repository", repository(project)));
    lines.add(row("Created", time(project.createdAt()) + ", updated " + time(project.updatedAt())));
    lines.addAll(results(project));
    if (!project.services().isEmpty()) {
      lines.add(row("Services", services(project.services())));
    }
    lines.add("Timeline");
    for (TimelineStepView step : project.timeline()) {
      lines.add(
          String.format(
              Locale.ROOT, "  %-20s %-24s %s", time(step.at()), step.to(), text(step.message())));
    }
    return lines;
  }

  /** What a watch ends with: the final state, duration and results. */
  public static List<String> outcome(ProjectView project) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "Project "
            + project.id()
            + " "
            + project.state()
            + StageTimings.total(project)
                .map(total -> " after " + StageTimings.minutes(total))
                .orElse(""));
    lines.addAll(results(project));
    return lines;
  }

  /** What {@code flops list} prints: one row per project, newest first. */
  public static List<String> table(List<ProjectSummary> projects) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(Locale.ROOT, LIST_ROW, "ID", "STATE", "CUSTOMER", "CREATED", "REPOSITORY"));
    for (ProjectSummary project : projects) {
      lines.add(
          String.format(
              Locale.ROOT,
              LIST_ROW,
              project.id(),
              project.state(),
              text(project.customerId()),
              time(project.createdAt()),
              text(project.mlRepoUrl())));
    }
    return lines;
  }

  /**
   * Failure, accuracy, tracking, images, URLs and stage timings, as far as the project has them.
   */
  static List<String> results(ProjectView project) {
    List<String> lines = new ArrayList<>();
    if (project.failureReason() != null) {
      String component =
          project.failingComponent() == null ? "" : " (" + project.failingComponent() + ")";
      lines.add(row("Failure", project.failureReason() + component));
    }
    if (project.accuracy() != null) {
      lines.add(
          row(
              "Accuracy",
              String.format(
                  Locale.ROOT,
                  "%.4f (loss %.4f), the best round",
                  project.accuracy(),
                  project.loss() == null ? Double.NaN : project.loss())));
    }
    ProjectTrackingView tracking = project.tracking();
    if (tracking != null && tracking.experimentId() != null) {
      lines.add(
          row(
              "MLflow runs",
              "experiment "
                  + tracking.experimentId()
                  + (tracking.runId() == null ? "" : ", best round's run " + tracking.runId())
                  + (tracking.modelUri() == null ? "" : " (model " + tracking.modelUri() + ")")
                  + " at "
                  + tracking.uri()));
    }
    images(project.images(), lines);
    if (project.inferenceUrl() != null) {
      lines.add(row("Inference URL", project.inferenceUrl() + "/invocations"));
    }
    if (project.inferenceToken() != null) {
      lines.add(row("Inference token", project.inferenceToken() + " (Authorization: Bearer)"));
    }
    if (project.observerUrl() != null) {
      lines.add(row("Observer", project.observerUrl()));
    }
    lines.add(row("Stage timings", StageTimings.of(project)));
    return lines;
  }

  private static void images(ProjectImagesView images, List<String> lines) {
    if (images == null) {
      return;
    }
    if (images.learner() != null) {
      lines.add(
          row(
              "Images",
              images.learner()
                  + ", "
                  + images.aggregator()
                  + (images.reused() ? " (reused)" : "")));
    }
    if (images.trainedModel() != null) {
      lines.add(row("Inference image", images.trainedModel()));
    }
  }

  private static String repository(ProjectView project) {
    String url = project.sla() == null ? null : project.sla().mlRepoUrl();
    String commit = project.images() == null ? null : project.images().commit();
    return text(url) + (commit == null ? "" : " (commit " + commit + ")");
  }

  private static String services(List<DeployedServiceView> services) {
    List<String> parts = new ArrayList<>();
    for (DeployedServiceView service : services) {
      parts.add(
          service.role()
              + " "
              + service.name()
              + (service.cluster() == null ? "" : " in " + service.cluster())
              + (service.undeployed() ? " (undeployed)" : " (running)"));
    }
    return String.join(", ", parts);
  }

  static String time(Instant at) {
    return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String text(String value) {
    return value == null || value.isBlank() ? "-" : value;
  }

  private static String row(String label, String value) {
    return String.format(Locale.ROOT, "  %-16s %s", label, value);
  }
}
