package io.flops.dataserver.mock;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an npm package tarball (gzip-compressed tar) the way npm does: the first path component
 * of every entry (usually {@code package/}) is dropped, so the package's files land directly in the
 * target directory. Only directories and regular files are written; links and special files are
 * skipped, and an entry whose name leaves the target directory fails the whole unpack.
 */
final class PackageTarball {

  private PackageTarball() {}

  /**
   * Unpacks {@code tgz} into {@code target}, which must exist.
   *
   * @throws IOException when the tarball cannot be read or an entry escapes {@code target}
   */
  static void unpack(Path tgz, Path target) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tgz), 1 << 16);
        TarArchiveInputStream entries =
            new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
      for (TarArchiveEntry entry = entries.getNextEntry();
          entry != null;
          entry = entries.getNextEntry()) {
        Path relative = insidePackage(entry.getName());
        if (relative == null || isLinkOrSpecial(entry)) {
          continue;
        }
        Path path = target.resolve(relative).normalize();
        if (!path.startsWith(target) || path.equals(target)) {
          throw new IOException("its entry " + entry.getName() + " leaves the package directory");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isFile()) {
          Files.createDirectories(path.getParent());
          Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static boolean isLinkOrSpecial(TarArchiveEntry entry) {
    return entry.isSymbolicLink()
        || entry.isLink()
        || entry.isCharacterDevice()
        || entry.isBlockDevice()
        || entry.isFIFO();
  }

  /** The entry's path without its first component; null for top-level entries. */
  private static Path insidePackage(String name) throws IOException {
    Path path;
    try {
      path = Path.of(name).normalize();
    } catch (InvalidPathException e) {
      throw new IOException("its entry " + name + " is not a valid path", e);
    }
    if (path.isAbsolute() || path.startsWith("..")) {
      throw new IOException("its entry " + name + " leaves the package directory");
    }
    return path.getNameCount() < 2 ? null : path.subpath(1, path.getNameCount());
  }
}
