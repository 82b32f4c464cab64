package io.flops.cli.evaluate;

import io.flops.common.api.Milestone;
import io.flops.common.api.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When one run entered each {@link Stage}: the submission instant and the {@link Milestone}s of the
 * project's {@code stage_timings}. A stage the project never reached has no start and no duration.
 */
public final class StageTimeline {

  private final Instant submitted;
  private final Map<Milestone, Instant> milestones;

  /**
   * @param submitted when the command submitted the project
   * @param milestones the project's {@code stage_timings} (only the reached ones)
   */
  public StageTimeline(Instant submitted, Map<Milestone, Instant> milestones) {
    this.submitted = submitted;
    this.milestones = Map.copyOf(milestones);
  }

  /** When the command submitted the project: the run's start. */
  public Instant submitted() {
    return submitted;
  }

  /** When the project ended, if it did. */
  public Optional<Instant> ended() {
    return Optional.ofNullable(milestones.get(Stage.END));
  }

  /** When {@code stage} began, if the project reached it. */
  public Optional<Instant> start(Stage stage) {
    Optional<Milestone> begin = stage.begin();
    return begin.isEmpty()
        ? Optional.of(submitted)
        : Optional.ofNullable(milestones.get(begin.get()));
  }

  /**
   * How long {@code stage} lasted: until the next milestone reached after it (or the end); empty
   * when it was not reached or has not finished.
   */
  public Optional<Duration> duration(Stage stage) {
    Optional<Instant> start = start(stage);
    if (start.isEmpty()) {
      return Optional.empty();
    }
    return nextStart(stage).map(end -> Duration.between(start.get(), end));
  }

  /** Every stage's duration; stages without one are left out. */
  public Map<Stage, Duration> durations() {
    Map<Stage, Duration> durations = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      duration(stage).ifPresent(duration -> durations.put(stage, duration));
    }
    return durations;
  }

  /** From the submission to the end, once the project ended. */
  public Optional<Duration> total() {
    return ended().map(end -> Duration.between(submitted, end));
  }

  /**
   * The stage the project was in at {@code at}: the last one begun at or before it; empty before
   * the submission and from the end on.
   */
  public Optional<Stage> stageAt(Instant at) {
    if (at.isBefore(submitted) || ended().map(end -> !at.isBefore(end)).orElse(false)) {
      return Optional.empty();
    }
    Stage current = Stage.SUBMISSION;
    for (Stage stage : Stage.values()) {
      Optional<Instant> start = start(stage);
      if (start.isPresent() && !start.get().isAfter(at)) {
        current = stage;
      }
    }
    return Optional.of(current);
  }

  private Optional<Instant> nextStart(Stage stage) {
    List<Instant> later = new ArrayList<>();
    for (Stage next : Stage.values()) {
      if (next.ordinal() > stage.ordinal()) {
        start(next).ifPresent(later::add);
      }
    }
    ended().ifPresent(later::add);
    return later.stream().findFirst();
  }
}
