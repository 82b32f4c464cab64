package io.flops.aggregator.training;

/** Hears about every finished round (events, tracking, best-model keeping). */
@FunctionalInterface
public interface RoundObserver {

  /**
   * @param parameters the round's aggregated parameters (do not modify)
   */
  void roundFinished(RoundReport report, float[] parameters);
}
