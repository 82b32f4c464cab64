package io.flops.mlapi;

import java.util.List;
import java.util.Optional;

/**
 * Columnar data with a simple array view. Backed by Apache Arrow in the learner; {@link #unwrap}
 * gives access to the Arrow vectors for users who want them.
 */
public interface Table {

  long rowCount();

  List<String> columnNames();

  /**
   * A numeric column as one row per record: a fixed-size-list column (for example an image of 784
   * pixels) gives rows of its list width, a scalar column rows of width 1.
   *
   * @throws IllegalArgumentException naming the column and the available columns when it is missing
   *     or not numeric
   */
  float[][] floats(String column);

  /** An integer column (for example class labels). */
  int[] ints(String column);

  /**
   * The underlying representation (for example Arrow's {@code List<VectorSchemaRoot>}), if it is of
   * {@code type}.
   */
  <T> Optional<T> unwrap(Class<T> type);
}
