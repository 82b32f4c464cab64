package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.learner.training.Learner;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every learner is needed (min-fit = all) and one is lost in the middle of round 2, then comes back
 * (its process restarted): round 2 runs again with it instead of failing the project, and every
 * round is reported once.
 */
class LostLearnerIT {

  @Test
  void aRoundThatLostALearnerRunsAgainOnceItIsBackAndTheTrainingCompletes() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode aggregator =
          fl.aggregator(FlHarness.settings(Role.CLASSIC, FlHarness.plan(3, 2, 2, 2), "", ""));
      CountDownLatch lostInRound2 = new CountDownLatch(1);
      CountingModel<?> lostModel = FlHarness.mnistModel();
      lostModel.beforeFit(
          config -> {
            if (config.round() == 2) {
              lostInRound2.countDown();
              sleep(Duration.ofMinutes(1));
            }
          });
      fl.start(
          fl.mnistLearner(
                  "learner-1",
                  aggregator.port(),
                  MnistPartitions.partition(0, 2, 600, 200),
                  FlHarness.mnistModel())
              ::run);
      Learner<?> lost =
          fl.mnistLearner(
              "learner-2", aggregator.port(), MnistPartitions.partition(1, 2, 600, 200), lostModel);
      fl.start(lost::run);
      fl.awaitJoined(2);
      Future<Boolean> training = fl.start(aggregator::run);

      assertThat(lostInRound2.await(2, TimeUnit.MINUTES)).isTrue();
      lost.close();
      Learner<?> restarted =
          fl.mnistLearner(
              "learner-2",
              aggregator.port(),
              MnistPartitions.partition(1, 2, 600, 200),
              FlHarness.mnistModel());
      fl.start(restarted::run);

      assertThat(training.get(3, TimeUnit.MINUTES)).isTrue();
      assertThat(fl.events.of(AggregatorFailed.class)).isEmpty();
      assertThat(fl.events.of(AggregatorSucceeded.class)).hasSize(1);
      List<ObserverEvent> rounds = fl.events.of(ObserverEvent.Kind.ROUND);
      assertThat(rounds)
          .extracting(e -> e.data().get("round"))
          .as("each round reported once")
          .containsExactly(1, 2, 3);
      assertThat(rounds).allSatisfy(r -> assertThat(r.data().get("learners")).isEqualTo(2));
      assertThat(fl.events.of(ObserverEvent.Kind.LOG))
          .anySatisfy(
              e -> {
                assertThat(e.level()).isEqualTo(ObserverEvent.Level.WARN);
                assertThat(e.message())
                    .contains("learner-2")
                    .endsWith("Round 2 runs again (retry 1).");
              });
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
