package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.LearnerFailed;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.examples.mnist.MnistModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Answers that cannot be believed never reach the global model, and say why. */
class ValidatedAnswersIT {

  @Test
  void aLearnerEvaluatingNanIsLeftOutWithItsReasonAndNanIsNeverReported() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode aggregator =
          fl.aggregator(FlHarness.settings(Role.CLASSIC, FlHarness.plan(3, 3, 2, 2), "", ""));
      for (int k = 0; k < 3; k++) {
        var model = new AlteredModel<>(new MnistModel(), 0, k == 2);
        var learner =
            fl.learner(
                "learner-" + (k + 1),
                aggregator.port(),
                MnistPartitions.partition(k, 3, 500, 200),
                model,
                new io.flops.examples.mnist.MnistDataManager(),
                "mnist");
        fl.start(learner::run);
      }

      assertThat(aggregator.run()).isTrue();

      List<ObserverEvent> rounds = fl.events.of(ObserverEvent.Kind.ROUND);
      assertThat(rounds).hasSize(3);
      assertThat(rounds)
          .allSatisfy(
              r ->
                  assertThat(((Number) r.data().get("accuracy")).doubleValue())
                      .isBetween(0.0, 1.0));
      assertThat(rounds.subList(1, 3))
          .allSatisfy(
              r ->
                  assertThat(((Map<?, ?>) r.data().get("dropped")).get("learner-3").toString())
                      .contains("learner-3 reported evaluation")
                      .contains("NaN"));
      AggregatorSucceeded success = fl.events.of(AggregatorSucceeded.class).get(0);
      assertThat(success.accuracy()).isNotNull().isBetween(0.0, 1.0);
      assertThat(success.loss()).isNotNull();
    }
  }

  @Test
  void aFitThatThrowsIsReportedByTheLearnerAndBlamedOnIt() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode aggregator =
          fl.aggregator(FlHarness.settings(Role.CLASSIC, FlHarness.plan(2, 2, 2, 2), "", ""));
      CountingModel<?> broken = FlHarness.mnistModel();
      broken.beforeFit(
          config -> {
            throw new IllegalStateException("the user's fit broke");
          });
      fl.start(
          fl.mnistLearner(
                  "learner-1",
                  aggregator.port(),
                  MnistPartitions.partition(0, 2, 300, 100),
                  FlHarness.mnistModel())
              ::run);
      fl.start(
          fl.mnistLearner(
                  "learner-2", aggregator.port(), MnistPartitions.partition(1, 2, 300, 100), broken)
              ::run);

      assertThat(aggregator.run()).isFalse();

      assertThat(fl.events.of(LearnerFailed.class))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.learner()).isEqualTo("learner-2");
                assertThat(e.errorMessage()).contains("the user's fit broke");
              });
      assertThat(fl.events.of(ObserverEvent.Kind.LEARNER))
          .anySatisfy(
              e -> {
                assertThat(e.source()).isEqualTo("learner-2");
                assertThat(e.level()).isEqualTo(ObserverEvent.Level.ERROR);
                assertThat(e.message()).contains("fit of round 1 failed").contains("fit broke");
              });
      assertThat(fl.events.of(AggregatorFailed.class)).hasSize(1);
    }
  }

  @Test
  void aLearnerWhoseModelHasAnotherSizeFailsNamingItselfAndBothSizes() throws Exception {
    try (FlHarness fl = new FlHarness()) {
      AggregatorNode aggregator =
          fl.aggregator(FlHarness.settings(Role.CLASSIC, FlHarness.plan(2, 2, 2, 2), "", ""));
      int size = new MnistModel().getParameters().length;
      Future<Boolean> good =
          fl.start(
              fl.mnistLearner(
                      "learner-1",
                      aggregator.port(),
                      MnistPartitions.partition(0, 2, 300, 100),
                      FlHarness.mnistModel())
                  ::run);
      Future<Boolean> odd =
          fl.start(
              fl.learner(
                      "learner-2",
                      aggregator.port(),
                      MnistPartitions.partition(1, 2, 300, 100),
                      new AlteredModel<>(new MnistModel(), 7, false),
                      new io.flops.examples.mnist.MnistDataManager(),
                      "mnist")
                  ::run);

      assertThat(aggregator.run()).isFalse();

      String expected =
          "model of learner learner-2 has "
              + (size - 7)
              + " parameters, the global model "
              + size
              + " — do all learners build the same model?";
      assertThat(fl.events.of(LearnerFailed.class))
          .first()
          .satisfies(
              e -> {
                assertThat(e.learner()).isEqualTo("learner-2");
                assertThat(e.errorMessage()).isEqualTo(expected);
              });
      assertThat(fl.events.of(AggregatorFailed.class))
          .singleElement()
          .satisfies(e -> assertThat(e.errorMessage()).contains(expected));
      assertThat(odd.get(30, TimeUnit.SECONDS)).isFalse();
      assertThat(good.get(30, TimeUnit.SECONDS)).isFalse();
    }
  }
}
