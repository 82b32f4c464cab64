package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.LearnerFailed;
import io.flops.common.launch.AggregatorLaunch.Role;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A learner whose data server has nothing for its tags fails, and so does the project. */
class NoDataIT {

  private static final String MESSAGE = "no data for tags [mnist] on data server 127.0.0.1:11027";

  @Test
  void aLearnerWithoutDataFailsWithTheReasonAndTheAggregatorFailsTheProject() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode aggregator =
          fl.aggregator(FlHarness.settings(Role.CLASSIC, FlHarness.plan(3, 2, 2, 2), "", ""));
      var good =
          fl.mnistLearner(
              "learner-1",
              aggregator.port(),
              MnistPartitions.partition(0, 2, 500, 200),
              FlHarness.mnistModel());
      InMemoryData otherTag = MnistPartitions.partition(1, 2, 500, 200);
      var empty =
          fl.mnistLearner(
              "learner-2",
              aggregator.port(),
              new InMemoryData("cifar", otherTag.training(), otherTag.testTable()),
              FlHarness.mnistModel());
      Future<Boolean> goodRun = fl.start(good::run);
      Future<Boolean> emptyRun = fl.start(empty::run);

      assertThat(aggregator.run()).isFalse();

      assertThat(emptyRun.get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(goodRun.get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(fl.events.of(LearnerFailed.class))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.errorMessage()).isEqualTo(MESSAGE);
                assertThat(e.learner()).isEqualTo("learner-2");
              });
      assertThat(fl.events.of(AggregatorFailed.class))
          .singleElement()
          .satisfies(e -> assertThat(e.errorMessage()).contains("learner-2: " + MESSAGE));
    }
  }
}
