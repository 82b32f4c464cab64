package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.launch.BuilderLaunch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A FLOps runtime application (learner, aggregator or inference server) taken from its Spring Boot
 * executable jar: its own classes ({@code BOOT-INF/classes}), its libraries ({@code BOOT-INF/lib})
 * and its main class ({@code Start-Class}). In the image it runs on a plain classpath with the
 * user's classes, so {@link java.util.ServiceLoader} finds the user's implementations.
 */
public record RuntimeApp(Path classes, List<Path> libraries, String mainClass) {

  private static final String CLASSES = "BOOT-INF/classes/";

  /**
   * This runtime with {@code mlApiJar} among its libraries unless it already has a {@code
   * flops-ml-api} jar: user repositories only declare the API as provided.
   */
  public RuntimeApp withMlApi(Path mlApiJar) {
    boolean present =
        libraries.stream()
            .anyMatch(lib -> lib.getFileName().toString().startsWith("flops-ml-api-"));
    if (present) {
      return this;
    }
    List<Path> all = new ArrayList<>(libraries);
    all.add(mlApiJar);
    return new RuntimeApp(classes, all, mainClass);
  }

  private static final String LIB = "BOOT-INF/lib/";

  /**
   * Unpacks {@code execJar} under {@code cacheRoot}, once per jar version (path, size and time), so
   * that image layers come from stable files that Jib's layer cache recognises.
   */
  public static RuntimeApp extractCached(Path execJar, Path cacheRoot) throws BuildFailure {
    requireJar(execJar);
    try {
      String key =
          io.flops.common.image.registry.RegistryClient.digest(
                  (execJar.toAbsolutePath()
                          + "|"
                          + Files.size(execJar)
                          + "|"
                          + Files.getLastModifiedTime(execJar).toMillis())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8))
              .substring(7, 23);
      Path directory = cacheRoot.resolve(key);
      Path done = directory.resolve("main-class");
      if (Files.isRegularFile(done)) {
        List<Path> libraries;
        try (var files = Files.list(directory.resolve("lib"))) {
          libraries = files.sorted().toList();
        }
        return new RuntimeApp(directory.resolve("classes"), libraries, Files.readString(done));
      }
      Path partial = Files.createTempDirectory(Files.createDirectories(cacheRoot), key + "-");
      RuntimeApp extracted = extract(execJar, partial);
      Files.writeString(partial.resolve("main-class"), extracted.mainClass());
      try {
        Files.move(partial, directory, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        return extractCached(execJar, cacheRoot);
      }
      return extractCached(execJar, cacheRoot);
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot unpack the FLOps runtime jar " + execJar + ": " + e.getMessage() + ".", e);
    }
  }

  /** Unpacks {@code execJar} into {@code directory}. */
  public static RuntimeApp extract(Path execJar, Path directory) throws BuildFailure {
    requireJar(execJar);
    try (JarFile jar = new JarFile(execJar.toFile())) {
      return unpack(execJar, jar, directory);
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot unpack the FLOps runtime jar " + execJar + ": " + e.getMessage() + ".", e);
    }
  }

  private static void requireJar(Path execJar) throws BuildFailure {
    if (!Files.isRegularFile(execJar)) {
      throw new BuildFailure(
          "The FLOps runtime jar "
              + execJar
              + " does not exist; set "
              + BuilderLaunch.Variable.RUNTIME_LEARNER.envName()
              + ", "
              + BuilderLaunch.Variable.RUNTIME_AGGREGATOR.envName()
              + " and "
              + BuilderLaunch.Variable.RUNTIME_INFERENCE.envName()
              + " to the applications' executable jars.");
    }
  }

  private static RuntimeApp unpack(Path execJar, JarFile jar, Path directory)
      throws BuildFailure, IOException {
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
