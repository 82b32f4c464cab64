package io.flops.aggregator.training;

import java.util.Optional;

/**
 * Keeps the round with the best evaluation accuracy, a lower loss breaking ties, and its
 * parameters. A round without a finite accuracy (NaN, infinite: nobody could evaluate it) is never
 * the best; when no round has one, the last round is kept as {@link #fallback}.
 */
public final class BestRound implements RoundObserver {

  private RoundReport best;
  private float[] parameters;
  private RoundReport last;
  private float[] lastParameters;

  @Override
  public synchronized void roundFinished(RoundReport report, float[] roundParameters) {
    last = report;
    lastParameters = roundParameters;
    if (isBetter(report)) {
      best = report;
      parameters = roundParameters.clone();
    }
  }

  /** Takes up the best round of an earlier run of the same training (from its checkpoint). */
  public synchronized void restore(RoundReport report, float[] roundParameters) {
    best = report;
    parameters = roundParameters.clone();
  }

  /** The best round with a finite accuracy. */
  public synchronized Optional<RoundReport> report() {
    return Optional.ofNullable(best);
  }

  /** The best round's parameters (valid when {@link #report} is present). */
  public synchronized float[] parameters() {
    return parameters;
  }

  /** The best round, or the last one when no round had a finite accuracy. */
  public synchronized Optional<RoundReport> chosen() {
    return Optional.ofNullable(best != null ? best : last);
  }

  /** The parameters of {@link #chosen}. */
  public synchronized float[] chosenParameters() {
    return best != null ? parameters : lastParameters;
  }

  private boolean isBetter(RoundReport report) {
    if (!Double.isFinite(report.accuracy())) {
      return false;
    }
    if (best == null) {
      return true;
    }
    double loss = Double.isNaN(report.loss()) ? Double.POSITIVE_INFINITY : report.loss();
    return report.accuracy() > best.accuracy()
        || (report.accuracy() == best.accuracy() && loss < best.loss());
  }
}
