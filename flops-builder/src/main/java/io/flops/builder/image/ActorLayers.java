package io.flops.builder.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.flops.common.image.RepositoryDependencies;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The layers of a learner or aggregator image, ordered for reuse: FLOps runtime → the repository's
 * dependencies (with their list, {@link RepositoryDependencies#RESOURCE} under {@code /app/meta}) →
 * this platform's native libraries → the repository's classes. Paths are absolute under {@code
 * /app}, as docs/services.md requires.
 */
public final class ActorLayers {

  /** The classpath every actor image runs with. */
  public static final String CLASSPATH =
      "/app/runtime/classes:/app/runtime/lib/*:/app/libs/*:/app/natives/*:/app/meta:/app/classes";

  /** Where the repository's dependency list is in the image. */
  public static final String DEPENDENCY_LIST = "/app/meta/" + RepositoryDependencies.RESOURCE;

  private final RuntimeApp runtime;
  private final PlatformDependencies dependencies;
  private final Path userClasses;
  private final Path dependencyList;

  /**
   * @param dependencyList a file holding the repository's {@link RepositoryDependencies}
   */
  public ActorLayers(
      RuntimeApp runtime,
      PlatformDependencies dependencies,
      Path userClasses,
      Path dependencyList) {
    this.runtime = runtime;
    this.dependencies = dependencies;
    this.userClasses = userClasses;
    this.dependencyList = dependencyList;
  }

  /** {@code java ... -cp <classpath> <runtime main class>}. */
  public List<String> entrypoint() {
    return List.of(
        "java",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp",
        CLASSPATH,
        runtime.mainClass());
  }

  /** The four application layers for {@code platform}. */
  public List<FileEntriesLayer> layers(Platform platform) {
    Set<String> runtimeNames =
        runtime.libraries().stream()
            .map(p -> p.getFileName().toString())
            .collect(Collectors.toSet());
    FileEntriesLayer.Builder flops = FileEntriesLayer.builder().setName("flops runtime");
    runtime.libraries().stream()
        .filter(lib -> !NativeClassifiers.isNativeFile(lib.getFileName().toString()))
        .forEach(lib -> flops.addEntry(lib, at("/app/runtime/lib", lib)));
    addTree(flops, runtime.classes(), "/app/runtime/classes");
    FileEntriesLayer.Builder libs = FileEntriesLayer.builder().setName("dependencies");
    dependencies.shared().stream()
        .filter(jar -> !runtimeNames.contains(jar.getFileName().toString()))
        .forEach(jar -> libs.addEntry(jar, at("/app/libs", jar)));
    libs.addEntry(dependencyList, AbsoluteUnixPath.get(DEPENDENCY_LIST));
    FileEntriesLayer.Builder natives = FileEntriesLayer.builder().setName("natives " + platform);
    nativeJars(platform).forEach(jar -> natives.addEntry(jar, at("/app/natives", jar)));
    FileEntriesLayer.Builder classes = FileEntriesLayer.builder().setName("classes");
    addTree(classes, userClasses, "/app/classes");
    return List.of(flops.build(), libs.build(), natives.build(), classes.build());
  }

  private List<Path> nativeJars(Platform platform) {
    Map<String, Path> byName = new LinkedHashMap<>();
    runtime.libraries().stream()
        .filter(lib -> NativeClassifiers.fileMatches(lib.getFileName().toString(), platform))
        .forEach(lib -> byName.put(lib.getFileName().toString(), lib));
    dependencies
        .natives()
        .getOrDefault(platform, List.of())
        .forEach(jar -> byName.putIfAbsent(jar.getFileName().toString(), jar));
    return new ArrayList<>(byName.values());
  }

  private static AbsoluteUnixPath at(String directory, Path file) {
    return AbsoluteUnixPath.get(directory + "/" + file.getFileName());
  }

  private static void addTree(FileEntriesLayer.Builder layer, Path root, String target) {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(
              file ->
                  layer.addEntry(
                      file,
                      AbsoluteUnixPath.get(
                          target + "/" + root.relativize(file).toString().replace('\\', '/'))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
