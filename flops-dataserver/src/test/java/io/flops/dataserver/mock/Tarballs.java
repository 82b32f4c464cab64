package io.flops.dataserver.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Small npm-style package tarballs built in tests. */
final class Tarballs {

  private Tarballs() {}

  /** A .tgz with {@code files} (name to UTF-8 content) and {@code symlinks} (name to target). */
  static byte[] tgz(Map<String, String> files, Map<String, String> symlinks) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey(), true);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
      for (Map.Entry<String, String> link : symlinks.entrySet()) {
        TarArchiveEntry entry =
            new TarArchiveEntry(link.getKey(), TarArchiveEntry.LF_SYMLINK, true);
        entry.setLinkName(link.getValue());
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** npm's {@code dist.integrity} of {@code tarball}: {@code sha512-<base64>}. */
  static String integrity(byte[] tarball) {
    try {
      return "sha512-"
          + Base64.getEncoder()
              .encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
