package io.flops.images;

import java.nio.file.Path;

/** Where the FLOps checkout is, and the version under test (set by failsafe). */
final class Images {

  private Images() {}

  static Path root() {
    return Path.of(System.getProperty("flops.test.root", "..")).toAbsolutePath().normalize();
  }

  static String version() {
    return System.getProperty("flops.test.version", "0.1.0-SNAPSHOT");
  }
}
