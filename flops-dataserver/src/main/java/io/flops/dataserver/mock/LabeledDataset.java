package io.flops.dataserver.mock;

/**
 * Rows of a classification data set: a fixed-width feature vector and an integer class label each.
 * Implementations keep their own compact representation (MNIST keeps its pixel bytes).
 */
public interface LabeledDataset {

  /** The number of rows. */
  int size();

  /** The number of floats per row. */
  int featureWidth();

  /** The number of classes; labels are {@code 0..classes-1}. */
  int classes();

  /** The class label of row {@code row}. */
  int label(int row);

  /** Copies the features of row {@code row} into {@code into} (length {@link #featureWidth()}). */
  void features(int row, float[] into);

  /** All labels, in row order. */
  default int[] labels() {
    int[] labels = new int[size()];
    for (int row = 0; row < labels.length; row++) {
      labels[row] = label(row);
    }
    return labels;
  }
}
