package io.flops.common.image.registry;

import java.util.Locale;

/**
 * An image platform such as {@code linux/amd64}, as named in the SLA's {@code supported_platforms}
 * and in manifest lists.
 */
public record Platform(String os, String architecture) implements Comparable<Platform> {

  public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
  public static final Platform LINUX_ARM64 = new Platform("linux", "arm64");

  /** Parses {@code os/architecture} (a variant such as {@code /v8} is ignored). */
  public static Platform parse(String text) {
    String[] parts = text.trim().toLowerCase(Locale.ROOT).split("/");
    if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new IllegalArgumentException(
          "Not a platform: '" + text + "'; expected os/architecture such as linux/amd64.");
    }
    return new Platform(parts[0], parts[1]);
  }

  /** The platform of this JVM, e.g. {@code linux/amd64} on x86_64 Linux. */
  public static Platform host() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String normalized =
        switch (arch) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> arch;
        };
    return new Platform(System.getProperty("os.name").toLowerCase(Locale.ROOT), normalized);
  }

  @Override
  public int compareTo(Platform other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
