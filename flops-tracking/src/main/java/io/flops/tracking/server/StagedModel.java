package io.flops.tracking.server;

import io.flops.tracking.LoggedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private copy of a model's files, taken when the model is logged, so that a delivery delayed by
 * an outage uploads the model as it was even if the caller has deleted or overwritten its files.
 */
record StagedModel(Path stagingDirectory, LoggedModel model) {

  static StagedModel copyOf(LoggedModel model) throws IOException {
    Path staging = Files.createTempDirectory("flops-model-");
    Path files = staging.resolve("files");
    for (String file : model.files()) {
      Path target = files.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(model.directory().resolve(file), target);
    }
    LoggedModel copy =
        new LoggedModel(
            files, model.files(), model.flavor(), model.signature(), model.dependencies());
    return new StagedModel(staging, copy);
  }

  /** Where the MLflow model directory is assembled before upload. */
  Path modelDirectory() {
    return stagingDirectory.resolve("mlflow-model");
  }

  void delete() {
    try (Stream<Path> paths = Files.walk(stagingDirectory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(StagedModel::deleteQuietly);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not delete the staged model in " + stagingDirectory + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + path + ": " + e.getMessage(), e);
    }
  }
}
