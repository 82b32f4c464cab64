package io.flops.cli.evaluate;

import io.flops.common.api.ProjectState;
import io.flops.common.api.Stage;
import java.util.List;
import java.util.Optional;

/**
 * What one evaluation run recorded.
 *
 * @param run the run's number, from 1
 * @param projectId the project it submitted
 * @param state the project's last state
 * @param accuracy the best round's accuracy, or null
 * @param loss the best round's loss, or null
 * @param failureReason why it failed, or null
 * @param timeline when it entered each stage
 * @param rounds its finished rounds, in the order reported
 * @param samples its resource samples, oldest first
 */
public record RunRecord(
    int run,
    String projectId,
    ProjectState state,
    Double accuracy,
    Double loss,
    String failureReason,
    StageTimeline timeline,
    List<RoundResult> rounds,
    List<ResourceSample> samples) {

  public RunRecord {
    rounds = List.copyOf(rounds);
    samples = List.copyOf(samples);
  }

  /** The stage {@code sample} was taken in; empty for samples outside the run's stages. */
  public Optional<Stage> stageOf(ResourceSample sample) {
    return timeline.stageAt(sample.at());
  }

  /** True when the project completed. */
  public boolean completed() {
    return state == ProjectState.COMPLETED;
  }
}
