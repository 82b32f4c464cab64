package io.flops.mlapi;

/**
 * Turns the local data a learner received from its node's data server into the model's training and
 * test data. Found through {@link java.util.ServiceLoader}.
 *
 * @param <D> the prepared data type the repository's {@link ModelManager} consumes
 */
public interface DataManager<D> {

  /**
   * Prepares training and test data. When {@code data} has no test split, the implementation splits
   * the training rows itself (with a fixed seed, so runs repeat).
   */
  D prepare(LocalData data);
}
