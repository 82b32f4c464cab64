package io.flops.mlapi;

import java.util.List;

/**
 * What a model takes and returns: the shape of one input row (without the batch dimension) and the
 * names of the output classes (empty for regression).
 */
public record ModelSignature(long[] inputShape, String inputType, List<String> outputClasses) {

  public ModelSignature {
    outputClasses = List.copyOf(outputClasses);
  }

  /** The number of values in one flattened input row. */
  public long inputWidth() {
    long width = 1;
    for (long dimension : inputShape) {
      width *= dimension;
    }
    return width;
  }
}
