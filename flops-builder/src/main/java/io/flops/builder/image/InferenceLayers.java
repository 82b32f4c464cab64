package io.flops.builder.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The layers of a trained-model image, ordered for reuse: the inference server ({@code
 * /app/runtime}) → this platform's native libraries ({@code /app/natives}) → the model directory
 * ({@code /app/model}). Paths are absolute under {@code /app}, as docs/services.md requires.
 */
public final class InferenceLayers {

  /** Where the model directory is in the image. */
  public static final String MODEL_DIR = "/app/model";

  /** The classpath the inference server runs with. */
  public static final String CLASSPATH = "/app/runtime/classes:/app/runtime/lib/*:/app/natives/*";

  private final RuntimeApp runtime;
  private final Map<Platform, List<Path>> natives;
  private final Path model;

  /**
   * @param runtime the inference server, from its executable jar
   * @param natives per platform, its native-library jars
   * @param model the MLflow model directory (holding {@code MLmodel})
   */
  public InferenceLayers(RuntimeApp runtime, Map<Platform, List<Path>> natives, Path model) {
    this.runtime = runtime;
    this.natives = Map.copyOf(natives);
    this.model = model;
  }

  /** {@code java ... -cp <classpath> <inference main class>}. */
  public List<String> entrypoint() {
    return List.of(
        "java",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp",
        CLASSPATH,
        runtime.mainClass());
  }

  /** The three application layers for {@code platform}. */
  public List<FileEntriesLayer> layers(Platform platform) {
    FileEntriesLayer.Builder server = FileEntriesLayer.builder().setName("inference runtime");
    runtime.libraries().stream()
        .filter(lib -> !NativeClassifiers.isNativeFile(lib.getFileName().toString()))
        .forEach(lib -> server.addEntry(lib, at("/app/runtime/lib", lib)));
    addTree(server, runtime.classes(), "/app/runtime/classes");
    FileEntriesLayer.Builder nativeLayer =
        FileEntriesLayer.builder().setName("natives " + platform);
    natives
        .getOrDefault(platform, List.of())
        .forEach(jar -> nativeLayer.addEntry(jar, at("/app/natives", jar)));
    FileEntriesLayer.Builder modelLayer = FileEntriesLayer.builder().setName("model");
    addTree(modelLayer, model, MODEL_DIR);
    return List.of(server.build(), nativeLayer.build(), modelLayer.build());
  }

  private static AbsoluteUnixPath at(String directory, Path file) {
    return AbsoluteUnixPath.get(directory + "/" + file.getFileName());
  }

  private static void addTree(FileEntriesLayer.Builder layer, Path root, String target) {
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
