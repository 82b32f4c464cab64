package io.flops.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The FLOps installation the demo runs from: the reactor root with the apps' exec jars built. */
final class Installation {

  /** The apps whose exec jars the manager and its local orchestrator start. */
  static final List<String> APPS =
      List.of("manager", "builder", "aggregator", "learner", "observer", "dataserver", "inference");

  private Installation() {}

  /**
   * {@code <home>/flops-<app>/target/flops-<app>-*-exec.jar}, or a sentence saying how to build it.
   */
  static Path execJar(Path home, String app) {
    Path target = home.resolve("flops-" + app).resolve("target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files
          .filter(file -> file.getFileName().toString().matches("flops-" + app + "-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "There is no flops-"
                          + app
                          + " exec jar in "
                          + target
                          + "; build it with ./mvnw -DskipTests install in "
                          + home));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + target, e);
    }
  }

  /** Checks that every app's exec jar is there, before anything is started. */
  static void requireBuilt(Path home) {
    APPS.forEach(app -> execJar(home, app));
  }

  /** The {@code java} of the running JVM. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
