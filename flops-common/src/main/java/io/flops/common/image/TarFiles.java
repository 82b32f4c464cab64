package io.flops.common.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Extracts tar files (plain or gzip-compressed) as image layers are applied. */
final class TarFiles {

  private static final String WHITEOUT = ".wh.";

  private TarFiles() {}

  /**
   * Extracts {@code tar} into {@code target}; with {@code layer}, OCI whiteouts delete what lower
   * layers put there. Entries that would land outside {@code target} are refused.
   */
  static void extract(Path tar, Path target, boolean layer) throws IOException {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tar));
        TarArchiveInputStream entries = new TarArchiveInputStream(decompressed(raw))) {
      TarArchiveEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("tar entry escapes the target directory: " + entry.getName());
        }
        String fileName = path.getFileName() == null ? "" : path.getFileName().toString();
        if (layer && fileName.startsWith(WHITEOUT)) {
          ImageUnpacker.deleteRecursively(
              path.resolveSibling(fileName.substring(WHITEOUT.length())));
          continue;
        }
        write(entry, entries, path, target);
      }
    }
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(raw) : raw;
  }

  private static void write(TarArchiveEntry entry, InputStream content, Path path, Path target)
      throws IOException {
    if (entry.isDirectory()) {
      Files.createDirectories(path);
      return;
    }
    Files.createDirectories(path.getParent());
    ImageUnpacker.deleteRecursively(path);
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
    } else if (entry.isLink()) {
      Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
    } else if (entry.isFile()) {
      Files.copy(content, path, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(path, permissions(entry.getMode()));
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ);
    PosixFilePermission[] bits = {
      PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        permissions.add(bits[i]);
      }
    }
    return permissions;
  }
}
