package io.flops.aggregator.training;

import io.flops.aggregator.server.EvaluationReply;
import io.flops.aggregator.server.FitReply;
import io.flops.aggregator.training.Collected.RejectedAnswer;
import java.util.Map;

/**
 * Keeps answers that cannot be believed out of a round: an update of the wrong size, an update or a
 * metric that is NaN or infinite. Each rejection is one sentence naming the learner.
 */
final class AnswerChecks {

  private AnswerChecks() {}

  /** Rejects {@code reply} unless its parameters, metrics and evaluation are all usable. */
  static void check(FitReply reply, int parameterCount, int round) {
    if (reply.parameters().length != parameterCount) {
      throw new RejectedAnswer(
          "model of learner "
              + reply.learner()
              + " has "
              + reply.parameters().length
              + " parameters, the global model "
              + parameterCount
              + " — do all learners build the same model?");
    }
    int bad = firstNonFinite(reply.parameters());
    if (bad >= 0) {
      throw new RejectedAnswer(
          String.format(
              "the update of %s in round %d contains %s (parameter %d), so it was left out",
              reply.learner(), round, reply.parameters()[bad], bad));
    }
    checkMetrics(reply.learner(), "fit", reply.metrics(), round);
    reply.evaluation().ifPresent(evaluation -> check(evaluation, round - 1));
  }

  /** Rejects {@code reply} unless its loss, accuracy and metrics are numbers. */
  static void check(EvaluationReply reply, int round) {
    checkMetrics(
        reply.learner(),
        "evaluation",
        Map.of("loss", reply.loss(), "accuracy", reply.accuracy()),
        round);
    checkMetrics(reply.learner(), "evaluation", reply.metrics(), round);
  }

  private static void checkMetrics(
      String learner, String phase, Map<String, Double> metrics, int round) {
    metrics.forEach(
        (name, value) -> {
          if (value == null || !Double.isFinite(value)) {
            throw new RejectedAnswer(
                String.format(
                    "%s reported %s %s %s of round %d, so its answer was left out",
                    learner, phase, name, value, round));
          }
        });
  }

  /**
   * The index of the first NaN or infinite value, or -1. The fast path multiplies every value by
   * zero (NaN for NaN and infinities, else 0) into four independent sums, which the CPU runs side
   * by side; only an update that fails it is searched.
   */
  private static int firstNonFinite(float[] values) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < values.length; i += 4) {
      s0 += values[i] * 0f;
      s1 += values[i + 1] * 0f;
      s2 += values[i + 2] * 0f;
      s3 += values[i + 3] * 0f;
    }
    for (; i < values.length; i++) {
      s0 += values[i] * 0f;
    }
    if (s0 + s1 + s2 + s3 == 0f) {
      return -1;
    }
    for (int k = 0; k < values.length; k++) {
      if (!Float.isFinite(values[k])) {
        return k;
      }
    }
    return -1;
  }
}
