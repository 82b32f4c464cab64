package io.flops.dataserver.mock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory data set packages are cached in: the configured one ({@code flops.mock.cache-dir}),
 * or, when it cannot be created or written (a container user without a home directory), {@code
 * flops-cache-<user>} under the temporary directory. Resolved once, on first use, and logged when
 * the fallback is taken.
 */
final class CacheRoot {

  private static final Logger log = LoggerFactory.getLogger(CacheRoot.class);

  private final Path configured;
  private final Path fallbackParent;
  private Path resolved;

  /**
   * @param configured the directory asked for
   * @param fallbackParent where {@code flops-cache-<user>} is made when {@code configured} cannot
   *     be used, normally {@code java.io.tmpdir}
   */
  CacheRoot(Path configured, Path fallbackParent) {
    this.configured = configured.toAbsolutePath();
    this.fallbackParent = fallbackParent.toAbsolutePath();
  }

  /** The usable cache directory, created if needed. */
  synchronized Path directory() {
    if (resolved == null) {
      resolved = resolve();
    }
    return resolved;
  }

  private Path resolve() {
    IOException unusable = usable(configured);
    if (unusable == null) {
      return configured;
    }
    Path fallback = fallbackParent.resolve("flops-cache-" + userName());
    IOException fallbackUnusable = usable(fallback);
    if (fallbackUnusable != null) {
      throw new IllegalStateException(
          "Neither the mock data cache directory "
              + configured
              + " ("
              + unusable.getMessage()
              + ") nor "
              + fallback
              + " ("
              + fallbackUnusable.getMessage()
              + ") can be written; set flops.mock.cache-dir (FLOPS_MOCK_CACHE_DIR) to a writable"
              + " directory.",
          fallbackUnusable);
    }
    log.warn(
        "The mock data cache directory {} cannot be used ({}); caching data sets in {} instead"
            + " (set flops.mock.cache-dir, FLOPS_MOCK_CACHE_DIR, to choose another)",
        configured,
        unusable.toString(),
        fallback);
    return fallback;
  }

  /** Null when {@code directory} exists (or could be made) and is writable, else why not. */
  private static IOException usable(Path directory) {
    try {
      Files.createDirectories(directory);
      return Files.isWritable(directory) ? null : new IOException("not writable");
    } catch (IOException e) {
      return e;
    }
  }

  private static String userName() {
    return System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
