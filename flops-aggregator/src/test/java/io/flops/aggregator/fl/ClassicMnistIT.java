package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.AggregatorLaunch.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One aggregator and three learners training the MNIST example on disjoint partitions. */
class ClassicMnistIT {

  @Test
  void threeLearnersReachNinetyPercentOnTheMnistTestSetInThreeRounds() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      RecordingTracker tracker = new RecordingTracker();
      AggregatorNode aggregator =
          fl.aggregator(
              FlHarness.settings(Role.CLASSIC, FlHarness.plan(3, 3, 3, 3), "", ""),
              () -> Optional.of(tracker));
      List<Future<Boolean>> learners = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        var learner =
            fl.mnistLearner(
                "learner-" + (k + 1),
                aggregator.port(),
                MnistPartitions.partition(k, 3, 4000, 3334),
                FlHarness.mnistModel());
        learners.add(fl.start(learner::run));
      }

      assertThat(aggregator.run()).isTrue();

      for (Future<Boolean> learner : learners) {
        assertThat(learner.get(30, TimeUnit.SECONDS)).isTrue();
      }
      List<ObserverEvent> rounds = fl.events.of(ObserverEvent.Kind.ROUND);
      assertThat(rounds).hasSize(3);
      assertThat(value(rounds.get(2), "accuracy")).isGreaterThanOrEqualTo(0.90);
      assertThat(value(rounds.get(2), "loss")).isLessThan(value(rounds.get(0), "loss"));
      assertThat(rounds).allSatisfy(r -> assertThat(r.data().get("learners")).isEqualTo(3));

      AggregatorSucceeded success = fl.events.of(AggregatorSucceeded.class).get(0);
      ObserverEvent best =
          rounds.stream()
              .max(
                  Comparator.comparingDouble((ObserverEvent r) -> value(r, "accuracy"))
                      .thenComparing(r -> -value(r, "loss")))
              .orElseThrow();
      assertThat(success.aggregatorType()).isEqualTo(AggregatorType.CLASSIC_AGGREGATOR);
      assertThat(success.accuracy()).isEqualTo(value(best, "accuracy"));
      assertThat(tracker.experiments).containsOnlyKeys("FLOps Project p1");
      assertThat(tracker.runNames.values())
          .containsExactlyInAnyOrder("FLOps FL round 1", "FLOps FL round 2", "FLOps FL round 3");
      assertThat(tracker.modelRuns).containsExactly(success.runId());
      assertThat(tracker.runNames.get(success.runId()))
          .isEqualTo("FLOps FL round " + best.data().get("round"));
      assertThat(success.modelUri()).isEqualTo("runs:/" + success.runId() + "/model");
      assertThat(tracker.models.get(0).files()).containsExactly("model.zip");
      assertThat(tracker.models.get(0).directory().resolve("model.zip")).isNotEmptyFile();
    }
  }

  static double value(ObserverEvent round, String key) {
    return ((Number) round.data().get(key)).doubleValue();
  }
}
