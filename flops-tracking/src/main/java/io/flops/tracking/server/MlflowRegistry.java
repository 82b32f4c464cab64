package io.flops.tracking.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.tracking.MlflowConventions;
import java.io.IOException;
import org.mlflow.api.proto.ModelRegistry.CreateModelVersion;
import org.mlflow.api.proto.ModelRegistry.CreateRegisteredModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracking server's model registry: a logged model becomes the next version of the registered
 * model named after the project (created with its description on first use). mlflow-client has no
 * typed calls for it, so the typed requests go through its {@code sendPost}.
 */
final class MlflowRegistry {

  private static final Logger log = LoggerFactory.getLogger(MlflowRegistry.class);

  private final MlflowApi api;
  private final ObjectMapper json = new ObjectMapper();

  MlflowRegistry(MlflowApi api) {
    this.api = api;
  }

  /**
   * Registers {@code source} (a {@code runs:/} URI of {@code runId}) as a new version of {@code
   * name}; without a registry on the server, the model stays logged and a warning says so.
   */
  void register(String name, String source, String runId) {
    CreateRegisteredModel model =
        CreateRegisteredModel.newBuilder()
            .setName(name)
            .setDescription(MlflowConventions.registeredModelDescription(name))
            .build();
    try {
      api.call(
          "registration of model " + name,
          c -> c.sendPost("registered-models/create", c.toJson(model)));
    } catch (MlflowHttpException e) {
      if (e.isTransient()) {
        throw e;
      }
      if (!MlflowServerCalls.ALREADY_EXISTS.equals(e.errorCode())) {
        log.warn("The model registry of MLflow is not available: {}", e.getMessage());
        return;
      }
    }
    CreateModelVersion version =
        CreateModelVersion.newBuilder().setName(name).setSource(source).setRunId(runId).build();
    String created =
        api.call(
            "new version of model " + name,
            c -> c.sendPost("model-versions/create", c.toJson(version)));
    log.info("Registered {} as model {} version {}.", source, name, versionOf(created));
  }

  private String versionOf(String response) {
    try {
      return json.readTree(response).path("model_version").path("version").asText();
    } catch (IOException notJson) {
      return "?";
    }
  }
}
