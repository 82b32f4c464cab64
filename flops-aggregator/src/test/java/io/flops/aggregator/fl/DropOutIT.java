package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ObserverEvent;
import io.flops.common.fl.ParameterChunks;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.learner.training.Learner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A learner that dies in the middle of round 2 is left out; the others finish the project. */
class DropOutIT {

  @Test
  void aLearnerKilledMidRoundIsLeftOutAndTheProjectStillFinishes() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      TrainingPlan plan =
          new TrainingPlan(
              3,
              2,
              2,
              2,
              1,
              32,
              Duration.ofMinutes(2),
              Duration.ofSeconds(30),
              2,
              ParameterChunks.DEFAULT_CHUNK_BYTES,
              Map.of());
      AggregatorNode aggregator = fl.aggregator(FlHarness.settings(Role.CLASSIC, plan, "", ""));
      CountDownLatch victimInRound2 = new CountDownLatch(1);
      CountingModel<?> victimModel = FlHarness.mnistModel();
      victimModel.beforeFit(
          config -> {
            if (config.round() == 2) {
              victimInRound2.countDown();
              sleep(Duration.ofMinutes(1));
              throw new IllegalStateException("this learner was killed");
            }
          });
      Learner<?> victim = null;
      for (int k = 0; k < 3; k++) {
        Learner<?> learner =
            fl.mnistLearner(
                "learner-" + (k + 1),
                aggregator.port(),
                MnistPartitions.partition(k, 3, 1000, 500),
                k == 2 ? victimModel : FlHarness.mnistModel());
        fl.start(learner::run);
        victim = learner;
      }
      fl.awaitJoined(3);
      Future<Boolean> training = fl.start(aggregator::run);

      assertThat(victimInRound2.await(2, TimeUnit.MINUTES)).isTrue();
      victim.close();

      assertThat(training.get(2, TimeUnit.MINUTES)).isTrue();
      List<ObserverEvent> rounds = fl.events.of(ObserverEvent.Kind.ROUND);
      assertThat(rounds).hasSize(3);
      assertThat(rounds.get(0).data().get("learners")).isEqualTo(3);
      assertThat(rounds.get(1).data().get("learners")).isEqualTo(2);
      assertThat(((Map<?, ?>) rounds.get(1).data().get("dropped")).keySet().toString())
          .isEqualTo("[learner-3]");
      assertThat(rounds.get(2).data().get("learners")).isEqualTo(2);
      assertThat(fl.events.of(ObserverEvent.Kind.LEARNER))
          .anySatisfy(e -> assertThat(e.message()).startsWith("learner-3 left"));
      assertThat(fl.events.of(AggregatorSucceeded.class)).hasSize(1);
      assertThat(victimModel.fittedRounds).containsExactly(1);
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
