package io.flops.tracking.mlmodel;

import io.flops.tracking.LoggedModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an MLflow model directory: the model's files, an {@code MLmodel} file naming its flavor
 * and signature, and the dependency list. MLflow's {@code Model.load} and web UI read it.
 */
public final class MlmodelWriter {

  private MlmodelWriter() {}

  /**
   * Writes {@code model} as an MLflow model directory at {@code target} (created if missing).
   *
   * @return the model's description, as written into {@code MLmodel}
   */
  public static MlflowModel write(LoggedModel model, String runId, String artifactPath, Path target)
      throws IOException {
    MlflowModel description = MlflowModel.create(runId, artifactPath, model);
    Files.createDirectories(target);
    for (String file : model.files()) {
      Path destination = target.resolve(file);
      Files.createDirectories(destination.getParent());
      Files.copy(model.directory().resolve(file), destination, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(target.resolve("MLmodel"), description.mlmodelYaml(), StandardCharsets.UTF_8);
    Files.writeString(
        target.resolve(MlflowModel.DEPENDENCIES_FILE),
        description.dependencyList(),
        StandardCharsets.UTF_8);
    return description;
  }
}
