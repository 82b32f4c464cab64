package io.flops.cli.evaluate;

import static io.flops.cli.evaluate.SyntheticRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.Milestone;
import io.flops.common.api.Stage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTimelineTest {

  @Test
  void everyStageOfACompletedRunLastsUntilTheNextMilestone() {
    StageTimeline timeline = SyntheticRuns.completed(1, T0, 3).timeline();

    assertThat(timeline.duration(Stage.SUBMISSION)).contains(Duration.ofMillis(200));
    assertThat(timeline.duration(Stage.IMAGE_BUILD)).contains(Duration.ofSeconds(20));
    assertThat(timeline.duration(Stage.DEPLOYMENT)).contains(Duration.ofSeconds(5));
    assertThat(timeline.duration(Stage.FIRST_ROUND)).contains(Duration.ofSeconds(10));
    assertThat(timeline.duration(Stage.TRAINING)).contains(Duration.ofSeconds(20));
    assertThat(timeline.duration(Stage.POST_TRAINING)).contains(Duration.ofSeconds(15));
    assertThat(timeline.duration(Stage.INFERENCE_DEPLOYMENT)).contains(Duration.ofSeconds(4));
    assertThat(timeline.duration(Stage.FINISHING)).contains(Duration.ofSeconds(1));
    assertThat(timeline.total()).contains(Duration.ofMillis(75_200));
  }

  @Test
  void aStageBeforeAnUnreachedOneLastsUntilTheNextReachedMilestone() {
    StageTimeline timeline =
        new StageTimeline(
            T0,
            Map.of(
                Milestone.ACCEPTED, T0.plusSeconds(1),
                Milestone.IMAGES_BUILT, T0.plusSeconds(11),
                Milestone.TRAINING_STARTED, T0.plusSeconds(12),
                Milestone.FIRST_ROUND, T0.plusSeconds(20),
                Milestone.TRAINING_DONE, T0.plusSeconds(30),
                Milestone.ENDED, T0.plusSeconds(33)));

    assertThat(timeline.duration(Stage.POST_TRAINING)).contains(Duration.ofSeconds(3));
    assertThat(timeline.duration(Stage.INFERENCE_DEPLOYMENT)).isEmpty();
    assertThat(timeline.durations())
        .doesNotContainKeys(Stage.INFERENCE_DEPLOYMENT, Stage.FINISHING);
  }

  @Test
  void aRunningProjectsCurrentStageHasNoDurationYet() {
    StageTimeline timeline =
        new StageTimeline(
            T0,
            Map.of(
                Milestone.ACCEPTED, T0.plusSeconds(1), Milestone.IMAGES_BUILT, T0.plusSeconds(9)));

    assertThat(timeline.duration(Stage.IMAGE_BUILD)).contains(Duration.ofSeconds(8));
    assertThat(timeline.duration(Stage.DEPLOYMENT)).isEmpty();
    assertThat(timeline.total()).isEmpty();
    assertThat(timeline.stageAt(T0.plusSeconds(60))).contains(Stage.DEPLOYMENT);
  }

  @Test
  void anInstantBelongsToTheLastStageBegunAtOrBeforeIt() {
    StageTimeline timeline = SyntheticRuns.completed(1, T0, 2).timeline();

    assertThat(timeline.stageAt(T0.minusMillis(1))).isEmpty();
    assertThat(timeline.stageAt(T0)).contains(Stage.SUBMISSION);
    assertThat(timeline.stageAt(T0.plusMillis(200))).contains(Stage.IMAGE_BUILD);
    assertThat(timeline.stageAt(T0.plusSeconds(26))).contains(Stage.FIRST_ROUND);
    assertThat(timeline.stageAt(T0.plusSeconds(40))).contains(Stage.TRAINING);
    assertThat(timeline.stageAt(timeline.ended().orElseThrow())).isEmpty();
  }
}
