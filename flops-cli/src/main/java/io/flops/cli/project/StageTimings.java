package io.flops.cli.project;

import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A project's stage timings as offsets from its acceptance, e.g. {@code images built +65 s}. */
public final class StageTimings {

  private StageTimings() {}

  /** The reached milestones with their offsets; from the timeline when the manager sent none. */
  public static String of(ProjectView project) {
    Map<Milestone, Instant> stages = project.stageTimings();
    List<String> parts = new ArrayList<>();
    if (stages.containsKey(Milestone.ACCEPTED)) {
      Instant accepted = stages.get(Milestone.ACCEPTED);
      stages.entrySet().stream()
          .sorted(Map.Entry.comparingByValue())
          .forEach(
              stage ->
                  parts.add(
                      stage.getKey().jsonName().replace('_', ' ')
                          + " "
                          + offset(accepted, stage.getValue())));
    } else if (!project.timeline().isEmpty()) {
      Instant accepted = project.timeline().get(0).at();
      project
          .timeline()
          .forEach(entry -> parts.add(entry.to() + " " + offset(accepted, entry.at())));
    }
    return parts.isEmpty() ? "none reported" : String.join(", ", parts);
  }

  /** From acceptance to the end, once the project ended and the manager reported both. */
  public static Optional<Duration> total(ProjectView project) {
    Instant accepted = project.stageTimings().get(Milestone.ACCEPTED);
    Instant ended = project.stageTimings().get(Milestone.ENDED);
    if (accepted == null || ended == null) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(accepted, ended));
  }

  /** {@code m:ss min}. */
  public static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
  }

  private static String offset(Instant from, Instant to) {
    return String.format(Locale.ROOT, "+%.0f s", Duration.between(from, to).toMillis() / 1000.0);
  }
}
