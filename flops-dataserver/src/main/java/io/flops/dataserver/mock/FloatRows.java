package io.flops.dataserver.mock;

/** A {@link LabeledDataset} kept as one flat float array. */
record FloatRows(float[] values, int featureWidth, int[] labelArray, int classes)
    implements LabeledDataset {

  @Override
  public int size() {
    return labelArray.length;
  }

  @Override
  public int label(int row) {
    return labelArray[row];
  }

  @Override
  public void features(int row, float[] into) {
    System.arraycopy(values, row * featureWidth, into, 0, featureWidth);
  }
}
