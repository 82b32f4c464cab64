package io.flops.tracking.server;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.MlflowConventions;
import io.flops.tracking.mlmodel.MlflowModel;
import io.flops.tracking.mlmodel.MlmodelWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.mlflow.api.proto.Service;
import org.mlflow.api.proto.Service.CreateExperiment;
import org.mlflow.api.proto.Service.CreateRun;
import org.mlflow.api.proto.Service.ExperimentTag;
import org.mlflow.api.proto.Service.LogModel;
import org.mlflow.api.proto.Service.Metric;
import org.mlflow.api.proto.Service.Param;
import org.mlflow.api.proto.Service.RunInfo;
import org.mlflow.api.proto.Service.RunTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLflow calls behind {@link MlflowServerTracker}, made at once (no buffering): the REST API
 * through mlflow-client ({@link MlflowApi}), files through the artifact proxy ({@link
 * ArtifactProxy}).
 */
final class MlflowServerCalls {

  private static final Logger log = LoggerFactory.getLogger(MlflowServerCalls.class);
  private static final String PROXY_SCHEME = "mlflow-artifacts:/";
  static final String ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";
  private static final int MAX_METRICS = 1000;
  private static final int MAX_PARAMS = 100;

  private final MlflowApi api;
  private final ArtifactProxy artifacts;
  private final MlflowRegistry registry;
  private final Map<String, String> artifactUris = new ConcurrentHashMap<>();

  MlflowServerCalls(MlflowApi api, ArtifactProxy artifacts) {
    this.api = api;
    this.artifacts = artifacts;
    this.registry = new MlflowRegistry(api);
  }

  String getOrCreateExperiment(String name, Map<String, String> tags) {
    Optional<String> existing = experimentByName(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    CreateExperiment.Builder request = CreateExperiment.newBuilder().setName(name);
    tags.forEach((key, value) -> request.addTags(experimentTag(key, value)));
    try {
      return api.call("creation of experiment " + name, c -> c.createExperiment(request.build()));
    } catch (MlflowHttpException e) {
      if (ALREADY_EXISTS.equals(e.errorCode())) {
        return experimentByName(name).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /** Creates a run of {@link MlflowConventions#USER}, started at {@code startTime}. */
  String createRun(String experimentId, String runName, long startTime, Map<String, String> tags) {
    CreateRun.Builder request =
        CreateRun.newBuilder()
            .setExperimentId(experimentId)
            .setRunName(runName)
            .setStartTime(startTime)
            .setUserId(MlflowConventions.USER);
    tags.forEach((key, value) -> request.addTags(runTag(key, value)));
    request.addTags(runTag(MlflowConventions.USER_TAG, MlflowConventions.USER));
    RunInfo info = api.call("start of run " + runName, c -> c.createRun(request.build()));
    artifactUris.put(info.getRunId(), info.getArtifactUri());
    return info.getRunId();
  }

  String logParams(String runId, Map<String, String> params) {
    List<Param> all = new ArrayList<>();
    params.forEach((key, value) -> all.add(Param.newBuilder().setKey(key).setValue(value).build()));
    for (int from = 0; from < all.size(); from += MAX_PARAMS) {
      List<Param> chunk = all.subList(from, Math.min(all.size(), from + MAX_PARAMS));
      logBatch("params of run " + runId, runId, List.of(), chunk);
    }
    return runId;
  }

  String logMetrics(String runId, Map<String, Double> metrics, long timestamp, long step) {
    List<Metric> all = new ArrayList<>();
    metrics.forEach(
        (key, value) -> {
          if (!Double.isFinite(value)) {
            log.warn("Metric {} of run {} is {} and is not sent to MLflow.", key, runId, value);
            return;
          }
          all.add(
              Metric.newBuilder()
                  .setKey(key)
                  .setValue(value)
                  .setTimestamp(timestamp)
                  .setStep(step)
                  .build());
        });
    for (int from = 0; from < all.size(); from += MAX_METRICS) {
      List<Metric> chunk = all.subList(from, Math.min(all.size(), from + MAX_METRICS));
      logBatch("metrics of run " + runId, runId, chunk, List.of());
    }
    return runId;
  }

  String updateRun(String runId, RunStatus status, long endTime) {
    Service.RunStatus ended = Service.RunStatus.valueOf(status.name());
    api.call(
        "end of run " + runId,
        c -> {
          c.setTerminated(runId, ended, endTime);
          return runId;
        });
    return runId;
  }

  /** Uploads the model directory, records it in the run, registers it; returns its runs:/ URI. */
  String logModel(String runId, String artifactPath, StagedModel staged, String registeredName) {
    String uri = "runs:/" + runId + "/" + artifactPath;
    try {
      MlflowModel model =
          MlmodelWriter.write(staged.model(), runId, artifactPath, staged.modelDirectory());
      upload(artifactProxyRoot(runId) + "/" + artifactPath, staged.modelDirectory());
      LogModel request =
          LogModel.newBuilder().setRunId(runId).setModelJson(model.modelJson()).build();
      api.call("model of run " + runId, c -> c.sendPost("runs/log-model", c.toJson(request)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not upload the model of run " + runId + ": " + e.getMessage(), e);
    }
    if (registeredName != null) {
      registry.register(registeredName, uri, runId);
    }
    return uri;
  }

  /** The artifact proxy path of a run's artifact root, e.g. {@code 1/<run>/artifacts}. */
  String artifactProxyRoot(String runId) {
    String uri =
        artifactUris.computeIfAbsent(
            runId,
            id -> api.call("lookup of run " + id, c -> c.getRun(id)).getInfo().getArtifactUri());
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

  private void upload(String proxyPath, Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        artifacts.upload(proxyPath + "/" + relative, file);
      }
    }
  }

  private void logBatch(String what, String runId, List<Metric> metrics, List<Param> params) {
    api.call(
        what,
        c -> {
          c.logBatch(runId, metrics, params, List.of());
          return runId;
        });
  }

  List<ExperimentTracker.TrackedRun> activeRuns(String experimentId) {
    return api
        .call(
            "search of the runs of experiment " + experimentId,
            c -> c.searchRuns(List.of(experimentId), "", Service.ViewType.ACTIVE_ONLY))
        .stream()
        .map(run -> new ExperimentTracker.TrackedRun(run.getRunId(), run.getRunName()))
        .toList();
  }

  String deleteRun(String runId) {
    return api.call(
        "deletion of run " + runId,
        c -> {
          c.deleteRun(runId);
          return runId;
        });
  }

  private Optional<String> experimentByName(String name) {
    return api.call("lookup of experiment " + name, c -> c.getExperimentByName(name))
        .map(Service.Experiment::getExperimentId);
  }

  private static ExperimentTag experimentTag(String key, String value) {
    return ExperimentTag.newBuilder().setKey(key).setValue(value).build();
  }

  private static RunTag runTag(String key, String value) {
    return RunTag.newBuilder().setKey(key).setValue(value).build();
  }
}
