package io.flops.tracking.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.mlmodel.MlflowModel;
import io.flops.tracking.mlmodel.MlmodelWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MLflow REST calls behind {@link MlflowServerTracker}, made at once (no buffering). */
final class MlflowServerCalls {

  private static final Logger log = LoggerFactory.getLogger(MlflowServerCalls.class);
  private static final String PROXY_SCHEME = "mlflow-artifacts:/";
  private static final int MAX_METRICS = 1000;
  private static final int MAX_PARAMS = 100;

  private final MlflowHttp http;
  private final Map<String, String> artifactUris = new ConcurrentHashMap<>();

  MlflowServerCalls(MlflowHttp http) {
    this.http = http;
  }

  String getOrCreateExperiment(String name, Map<String, String> tags) {
    try {
      return experimentByName(name);
    } catch (MlflowHttpException e) {
      if (!"RESOURCE_DOES_NOT_EXIST".equals(e.errorCode())) {
        throw e;
      }
    }
    try {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("tags", MlflowServerTracker.keyValues(tags));
      return http.post("experiments/create", body).path("experiment_id").asText();
    } catch (MlflowHttpException e) {
      if ("RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
        return experimentByName(name);
      }
      throw e;
    }
  }

  String createRun(String experimentId, String runName, long startTime, Map<String, String> tags) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("experiment_id", experimentId);
    body.put("run_name", runName);
    body.put("start_time", startTime);
    body.put("tags", MlflowServerTracker.keyValues(tags));
    JsonNode info = http.post("runs/create", body).path("run").path("info");
    String runId = info.path("run_id").asText();
    artifactUris.put(runId, info.path("artifact_uri").asText());
    return runId;
  }

  String logParams(String runId, Map<String, String> params) {
    List<Map<String, Object>> all = MlflowServerTracker.keyValues(params);
    for (int from = 0; from < all.size(); from += MAX_PARAMS) {
      logBatch(runId, "params", all.subList(from, Math.min(all.size(), from + MAX_PARAMS)));
    }
    return runId;
  }

  String logMetrics(String runId, Map<String, Double> metrics, long timestamp, long step) {
    List<Map<String, Object>> all = new ArrayList<>();
    metrics.forEach(
        (key, value) -> {
          if (!Double.isFinite(value)) {
            log.warn("Metric {} of run {} is {} and is not sent to MLflow.", key, runId, value);
            return;
          }
          all.add(Map.of("key", key, "value", value, "timestamp", timestamp, "step", step));
        });
    for (int from = 0; from < all.size(); from += MAX_METRICS) {
      logBatch(runId, "metrics", all.subList(from, Math.min(all.size(), from + MAX_METRICS)));
    }
    return runId;
  }

  String updateRun(String runId, RunStatus status, long endTime) {
    http.post("runs/update", Map.of("run_id", runId, "status", status.name(), "end_time", endTime));
    return runId;
  }

  /** Uploads the model directory, records it in the run, registers it; returns its runs:/ URI. */
  String logModel(String runId, String artifactPath, StagedModel staged, String registeredName) {
    String uri = "runs:/" + runId + "/" + artifactPath;
    try {
      MlflowModel model =
          MlmodelWriter.write(staged.model(), runId, artifactPath, staged.modelDirectory());
      upload(artifactProxyRoot(runId) + "/" + artifactPath, staged.modelDirectory());
      http.post("runs/log-model", Map.of("run_id", runId, "model_json", model.modelJson()));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not upload the model of run " + runId + ": " + e.getMessage(), e);
    }
    if (registeredName != null) {
      register(registeredName, uri, runId);
    }
    return uri;
  }

  /** The artifact proxy path of a run's artifact root, e.g. {@code 1/<run>/artifacts}. */
  String artifactProxyRoot(String runId) {
    String uri =
        artifactUris.computeIfAbsent(
            runId,
            id ->
                http.get("runs/get", Map.of("run_id", id))
                    .path("run")
                    .path("info")
                    .path("artifact_uri")
                    .asText());
    if (!uri.startsWith(PROXY_SCHEME)) {
      throw new IllegalStateException(
          "Run "
              + runId
              + " stores artifacts at "
              + uri
              + ", which is not served through the MLflow artifact proxy; start the server with"
              + " --serve-artifacts.");
    }
    return uri.substring(PROXY_SCHEME.length()).replaceAll("^/+", "");
  }

  private void register(String name, String source, String runId) {
    try {
      http.post("registered-models/create", Map.of("name", name));
    } catch (MlflowHttpException e) {
      if (e.isTransient()) {
        throw e;
      }
      if (!"RESOURCE_ALREADY_EXISTS".equals(e.errorCode())) {
        log.warn("The model registry of {} is not available: {}", http.base(), e.getMessage());
        return;
      }
    }
    JsonNode version =
        http.post("model-versions/create", Map.of("name", name, "source", source, "run_id", runId))
            .path("model_version");
    log.info(
        "Registered {} as model {} version {}.", source, name, version.path("version").asText());
  }

  private void upload(String proxyPath, Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        http.putArtifact(proxyPath + "/" + relative, file);
      }
    }
  }

  private void logBatch(String runId, String field, List<Map<String, Object>> entries) {
    http.post("runs/log-batch", Map.of("run_id", runId, field, entries));
  }

  private String experimentByName(String name) {
    return http.get("experiments/get-by-name", Map.of("experiment_name", name))
        .path("experiment")
        .path("experiment_id")
        .asText();
  }
}
