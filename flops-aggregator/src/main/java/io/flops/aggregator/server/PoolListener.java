package io.flops.aggregator.server;

/** Hears about learners joining, leaving and failing (for events and logs). */
public interface PoolListener {

  default void joined(String learner) {}

  /** A learner dropped out (disconnected, silent, or gave up). */
  default void left(String learner, String reason) {}

  /** A learner was told the training is over and ended normally. */
  default void finished(String learner) {}

  /** A learner reported that it cannot take part at all. */
  default void failed(String learner, String message) {}
}
