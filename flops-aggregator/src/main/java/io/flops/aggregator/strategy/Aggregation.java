package io.flops.aggregator.strategy;

/**
 * One round's aggregation, fed one update at a time as the learners' answers arrive ({@link
 * Strategy#begin}). The FedAvg family folds each update into a running sum and forgets it; the
 * robust strategies keep every update until {@link #result}.
 */
public interface Aggregation {

  /**
   * Takes one learner's update into the round.
   *
   * @throws IllegalArgumentException if it is not as long as the global model
   */
  void add(ClientUpdate update);

  /**
   * The new global parameters from the updates added so far.
   *
   * @throws IllegalArgumentException if no update was added
   */
  float[] result();
}
