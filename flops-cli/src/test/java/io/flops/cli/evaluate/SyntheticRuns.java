package io.flops.cli.evaluate;

import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectState;
import io.flops.common.api.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluation runs made up for the tests of the reports and charts. */
final class SyntheticRuns {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  private SyntheticRuns() {}

  /**
   * A completed run starting at {@code start}: image build 20 s, deployment 5 s, first round 10 s,
   * training 10 s × (rounds − 1), post-training 15 s, inference deployment 4 s, finishing 1 s; a
   * sample every second with 100 % CPU and 1 GiB memory in training, 10 % and 512 MiB else.
   */
  static RunRecord completed(int run, Instant start, int rounds) {
    Map<Milestone, Instant> milestones = new LinkedHashMap<>();
    Instant accepted = start.plusMillis(200);
    milestones.put(Milestone.ACCEPTED, accepted);
    milestones.put(Milestone.IMAGES_BUILT, accepted.plusSeconds(20));
    milestones.put(Milestone.TRAINING_STARTED, accepted.plusSeconds(25));
    milestones.put(Milestone.FIRST_ROUND, accepted.plusSeconds(35));
    Instant trained = accepted.plusSeconds(35 + 10L * (rounds - 1));
    milestones.put(Milestone.TRAINING_DONE, trained);
    milestones.put(Milestone.INFERENCE_IMAGE_BUILT, trained.plusSeconds(15));
    milestones.put(Milestone.INFERENCE_READY, trained.plusSeconds(19));
    milestones.put(Milestone.ENDED, trained.plusSeconds(20));
    StageTimeline timeline = new StageTimeline(start, milestones);
    List<RoundResult> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      results.add(new RoundResult("aggregator", round, 1.0 / round, 0.5 + 0.1 * round, 10));
    }
    List<ResourceSample> samples = new ArrayList<>();
    long seconds = Duration.between(start, milestones.get(Milestone.ENDED)).toSeconds();
    for (long s = 1; s <= seconds + 2; s++) {
      Instant at = start.plusSeconds(s);
      boolean training = timeline.stageAt(at).map(stage -> stage == Stage.TRAINING).orElse(false);
      samples.add(
          new ResourceSample(
              at, training ? 100 : 10, training ? 1L << 30 : 1L << 29, 1000 * s, 500 * s, 7));
    }
    return new RunRecord(
        run,
        "p" + run,
        ProjectState.COMPLETED,
        0.5 + 0.1 * rounds,
        1.0 / rounds,
        null,
        timeline,
        results,
        samples);
  }

  /** A run that failed in the image build, with one sample. */
  static RunRecord failedInBuild(int run, Instant start) {
    StageTimeline timeline =
        new StageTimeline(
            start,
            Map.of(
                Milestone.ACCEPTED, start.plusSeconds(1), Milestone.ENDED, start.plusSeconds(9)));
    ResourceSample sample = new ResourceSample(start.plusSeconds(5), 50, 1L << 28, 10, 20, 3);
    return new RunRecord(
        run,
        "p" + run,
        ProjectState.FAILED,
        null,
        null,
        "Build failed, see the log",
        timeline,
        List.of(),
        List.of(sample));
  }
}
