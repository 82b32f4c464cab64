package io.flops.dataserver.mock;

/** Images kept as unsigned pixel bytes, served as floats scaled to 0..1. */
record ByteImages(byte[] pixels, int featureWidth, byte[] labelBytes, int classes)
    implements LabeledDataset {

  @Override
  public int size() {
    return labelBytes.length;
  }

  @Override
  public int label(int row) {
    return labelBytes[row] & 0xFF;
  }

  @Override
  public void features(int row, float[] into) {
    int offset = row * featureWidth;
    for (int j = 0; j < featureWidth; j++) {
      into[j] = (pixels[offset + j] & 0xFF) / 255f;
    }
  }
}
