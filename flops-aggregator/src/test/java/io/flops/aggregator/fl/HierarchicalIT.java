package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.AggregatorLaunch.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Hierarchical FL: a root over two cluster aggregators with two learners each. */
class HierarchicalIT {

  @Test
  void twoCyclesOfTwoRoundsTrainEveryLearnerFourRoundsAndTheRootSucceeds() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode root =
          fl.aggregator(FlHarness.settings(Role.ROOT, FlHarness.plan(2, 2, 2, 2), "", ""));
      String rootAddress = "127.0.0.1:" + root.port();
      List<Future<Boolean>> clusters = new ArrayList<>();
      List<Future<Boolean>> learners = new ArrayList<>();
      List<CountingModel<?>> models = new ArrayList<>();
      int partition = 0;
      for (String name : List.of("a", "b")) {
        AggregatorNode cluster =
            fl.aggregator(
                FlHarness.settings(Role.CLUSTER, FlHarness.plan(2, 2, 2, 2), name, rootAddress));
        clusters.add(fl.start(cluster::run));
        for (int k = 1; k <= 2; k++) {
          CountingModel<?> model = FlHarness.mnistModel();
          models.add(model);
          var learner =
              fl.mnistLearner(
                  name + "-learner-" + k,
                  cluster.port(),
                  MnistPartitions.partition(partition++, 4, 800, 400),
                  model);
          learners.add(fl.start(learner::run));
        }
      }

      assertThat(root.run()).isTrue();

      for (Future<Boolean> cluster : clusters) {
        assertThat(cluster.get(30, TimeUnit.SECONDS)).isTrue();
      }
      for (Future<Boolean> learner : learners) {
        assertThat(learner.get(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(models).allSatisfy(m -> assertThat(m.fittedRounds).containsExactly(1, 2, 3, 4));
      assertThat(fl.events.of(AggregatorSucceeded.class))
          .singleElement()
          .satisfies(s -> assertThat(s.aggregatorType()).isEqualTo(AggregatorType.ROOT_AGGREGATOR));
      List<ObserverEvent> rounds = fl.events.of(ObserverEvent.Kind.ROUND);
      assertThat(rounds.stream().filter(r -> r.source().equals("aggregator"))).hasSize(2);
      assertThat(rounds.stream().filter(r -> r.source().equals("aggregator-a"))).hasSize(4);
      assertThat(rounds.stream().filter(r -> r.source().equals("aggregator-b"))).hasSize(4);
    }
  }
}
