package io.flops.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The Spring Boot exec jars the reactor built ({@code flops-<app>/target/flops-<app>-*-exec.jar}).
 */
final class FlopsJars {

  private FlopsJars() {}

  static Path exec(String app) {
    Path target = Images.root().resolve("flops-" + app).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("flops-" + app + "-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("No exec jar in " + target + ": build it first"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot list " + target + "; build flops-" + app + " first", e);
    }
  }
}
