package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.fl.ParameterChunks;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.sla.Strategy;
import io.flops.examples.iris.IrisDataManager;
import io.flops.examples.iris.IrisModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The second example repository (logistic regression on Iris) trains with every strategy. */
class IrisStrategiesIT {

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void threeLearnersTrainTheIrisExample(Strategy strategy) throws Exception {
    try (FlHarness fl = new FlHarness()) {
      TrainingPlan plan =
          new TrainingPlan(
              5,
              3,
              3,
              3,
              10,
              8,
              Duration.ofMinutes(1),
              Duration.ofSeconds(30),
              2,
              ParameterChunks.DEFAULT_CHUNK_BYTES,
              Map.of());
      AggregatorSettings settings =
          new AggregatorSettings(
              "iris",
              Role.CLASSIC,
              plan,
              strategy,
              new StrategySettings(new OptimizerSettings(1.0f, 0.9f, 0.99f, 0.001f), 0.2, 0),
              0,
              FlHarness.HEARTBEAT,
              FlHarness.LIVENESS,
              "",
              "",
              "customer",
              "repo",
              "commit",
              List.of());
      AggregatorNode aggregator = fl.aggregator(settings, Optional::empty, IrisModel::new);
      for (int k = 0; k < 3; k++) {
        var learner =
            fl.learner(
                "learner-" + k,
                aggregator.port(),
                IrisPartitions.partition(k, 3),
                new IrisModel(),
                new IrisDataManager(),
                "iris");
        fl.start(learner::run);
      }
      Future<Boolean> training = fl.start(aggregator::run);

      assertThat(training.get(2, TimeUnit.MINUTES)).isTrue();
      assertThat(fl.events.of(AggregatorSucceeded.class))
          .singleElement()
          .satisfies(s -> assertThat(s.accuracy()).isGreaterThanOrEqualTo(0.8));
    }
  }
}
