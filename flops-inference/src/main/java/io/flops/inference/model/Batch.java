package io.flops.inference.model;

/**
 * A batch of input rows to predict in one call: {@code rows} rows of shape {@code rowShape}, their
 * values flattened row after row (C order) into {@code values}.
 */
public record Batch(float[] values, int rows, long[] rowShape) {

  public Batch {
    long width = width(rowShape);
    if (values.length != rows * width) {
      throw new IllegalArgumentException(
          "A batch of " + rows + " rows of " + width + " values cannot hold " + values.length);
    }
  }

  /** The number of values in one row. */
  public static long width(long[] rowShape) {
    long width = 1;
    for (long dimension : rowShape) {
      width *= dimension;
    }
    return width;
  }
}
