package io.flops.tracking;

import io.flops.mlapi.ModelSignature;
import java.nio.file.Path;
import java.util.List;

/**
 * A model saved by the user's {@code ModelManager#save} into {@code directory}, to be logged.
 *
 * @param directory holds the files the model manager wrote
 * @param files those files, relative to {@code directory}
 * @param flavor the model flavor, e.g. {@code dl4j}
 * @param signature input shape and output classes
 * @param dependencies the runtime dependencies (Maven coordinates) needed to load it
 */
public record LoggedModel(
    Path directory,
    List<String> files,
    String flavor,
    ModelSignature signature,
    List<String> dependencies) {

  public LoggedModel {
    files = List.copyOf(files);
    dependencies = List.copyOf(dependencies);
  }
}
