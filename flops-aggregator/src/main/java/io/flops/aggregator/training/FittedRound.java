package io.flops.aggregator.training;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A round whose fit is aggregated and whose evaluation is still to come (with the next round's fit,
 * or after the last round).
 */
record FittedRound(
    int round,
    float[] parameters,
    List<FitSummary> fits,
    Map<String, String> dropped,
    long nanos,
    long bytes) {

  /** The round's report once {@code evaluation} is known; {@code extra*} its own evaluation's. */
  RoundReport report(Evaluation evaluation, long extraNanos, long extraBytes) {
    return new RoundReport(
        round,
        evaluation.loss(),
        evaluation.accuracy(),
        fits.stream().mapToLong(FitSummary::examples).sum(),
        evaluation.examples(),
        fits.stream().map(FitSummary::learner).toList(),
        dropped,
        Duration.ofNanos(nanos + extraNanos),
        Metrics.slowestFit(fits),
        Metrics.weightedFitMetrics(fits),
        bytes + extraBytes);
  }
}
