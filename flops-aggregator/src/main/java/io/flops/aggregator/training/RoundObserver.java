package io.flops.aggregator.training;

/**
 * Hears about every finished round (events, tracking, best-model keeping) and every repeated one.
 */
@FunctionalInterface
public interface RoundObserver {

  /**
   * @param parameters the round's aggregated parameters (do not modify)
   */
  void roundFinished(RoundReport report, float[] parameters);

  /**
   * Round {@code round} fell short because learners were lost and runs again.
   *
   * @param reason why the attempt fell short (names the learners)
   * @param retry which retry this is, from 1
   */
  default void roundRepeated(int round, String reason, int retry) {}
}
