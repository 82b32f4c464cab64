package io.flops.aggregator.training;

import java.util.Optional;

/**
 * Keeps the round with the best evaluation accuracy, a lower loss breaking ties, and its
 * parameters.
 */
public final class BestRound implements RoundObserver {

  private RoundReport best;
  private float[] parameters;

  @Override
  public synchronized void roundFinished(RoundReport report, float[] roundParameters) {
    if (best == null
        || report.accuracy() > best.accuracy()
        || (report.accuracy() == best.accuracy() && report.loss() < best.loss())) {
      best = report;
      parameters = roundParameters.clone();
    }
  }

  public synchronized Optional<RoundReport> report() {
    return Optional.ofNullable(best);
  }

  /** The best round's parameters (valid when {@link #report} is present). */
  public synchronized float[] parameters() {
    return parameters;
  }
}
