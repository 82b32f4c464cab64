package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A FLOps runtime application (learner or aggregator) taken from its Spring Boot executable jar:
 * its own classes ({@code BOOT-INF/classes}), its libraries ({@code BOOT-INF/lib}) and its main
 * class ({@code Start-Class}). In the image it runs on a plain classpath with the user's classes,
 * so {@link java.util.ServiceLoader} finds the user's implementations.
 */
public record RuntimeApp(Path classes, List<Path> libraries, String mainClass) {

  private static final String CLASSES = "BOOT-INF/classes/";
  private static final String LIB = "BOOT-INF/lib/";

  /** Unpacks {@code execJar} into {@code directory}. */
  public static RuntimeApp extract(Path execJar, Path directory) throws BuildFailure {
    if (!Files.isRegularFile(execJar)) {
      throw new BuildFailure(
          "The FLOps runtime jar "
              + execJar
              + " does not exist; set FLOPS_BUILDER_RUNTIME_LEARNER and"
              + " FLOPS_BUILDER_RUNTIME_AGGREGATOR to the applications' executable jars.");
    }
    try (JarFile jar = new JarFile(execJar.toFile())) {
      String mainClass =
          jar.getManifest() == null
              ? null
              : jar.getManifest().getMainAttributes().getValue("Start-Class");
      if (mainClass == null) {
        throw new BuildFailure(
            "The FLOps runtime jar "
                + execJar
                + " is not a Spring Boot executable jar (no Start-Class).");
      }
      Path classes = directory.resolve("classes");
      Path lib = directory.resolve("lib");
      Files.createDirectories(classes);
      Files.createDirectories(lib);
      List<Path> libraries = new ArrayList<>();
      for (JarEntry entry : jar.stream().filter(e -> !e.isDirectory()).toList()) {
        Path target = target(entry.getName(), classes, lib);
        if (target != null) {
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target);
          }
          if (target.getParent().equals(lib)) {
            libraries.add(target);
          }
        }
      }
      libraries.sort(null);
      return new RuntimeApp(classes, libraries, mainClass);
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot unpack the FLOps runtime jar " + execJar + ": " + e.getMessage() + ".", e);
    }
  }

  private static Path target(String name, Path classes, Path lib) {
    if (name.startsWith(CLASSES)) {
      Path target = classes.resolve(name.substring(CLASSES.length())).normalize();
      return target.startsWith(classes) ? target : null;
    }
    if (name.startsWith(LIB) && name.indexOf('/', LIB.length()) < 0) {
      return lib.resolve(name.substring(LIB.length()));
    }
    return null;
  }
}
