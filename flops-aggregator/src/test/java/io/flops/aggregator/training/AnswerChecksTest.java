package io.flops.aggregator.training;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.aggregator.server.EvaluationReply;
import io.flops.aggregator.server.FitReply;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnswerChecksTest {

  static Stream<Arguments> rejected() {
    return Stream.of(
        Arguments.of(
            fit(new float[] {1f}, Map.of(), Optional.empty()),
            "model of learner l1 has 1 parameters, the global model 2 — do all learners build the"
                + " same model?"),
        Arguments.of(
            fit(new float[] {1f, Float.NaN}, Map.of(), Optional.empty()),
            "the update of l1 in round 4 contains NaN (parameter 1), so it was left out"),
        Arguments.of(
            fit(new float[] {Float.NEGATIVE_INFINITY, 1f}, Map.of(), Optional.empty()),
            "the update of l1 in round 4 contains -Infinity (parameter 0), so it was left out"),
        Arguments.of(
            fit(new float[] {1f, 2f}, Map.of("loss", Double.NaN), Optional.empty()),
            "l1 reported fit loss NaN of round 4, so its answer was left out"),
        Arguments.of(
            fit(
                new float[] {1f, 2f},
                Map.of(),
                Optional.of(new EvaluationReply("l1", 0.3, Double.NaN, 5, Map.of()))),
            "l1 reported evaluation accuracy NaN of round 3, so its answer was left out"));
  }

  @ParameterizedTest
  @MethodSource("rejected")
  void anAnswerThatCannotBeBelievedIsRejectedWithASentence(FitReply reply, String reason) {
    assertThatThrownBy(() -> AnswerChecks.check(reply, 2, 4)).hasMessage(reason);
  }

  @Test
  void aSoundAnswerPasses() {
    FitReply reply =
        fit(
            new float[] {1f, -0f},
            Map.of("loss", 0.5),
            Optional.of(new EvaluationReply("l1", 0.3, 0.9, 5, Map.of())));

    assertThatCode(() -> AnswerChecks.check(reply, 2, 4)).doesNotThrowAnyException();
  }

  private static FitReply fit(
      float[] parameters, Map<String, Double> metrics, Optional<EvaluationReply> evaluation) {
    return new FitReply("l1", parameters, 10, metrics, evaluation, 0);
  }
}
