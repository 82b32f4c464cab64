package io.flops.tracking.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.MlflowConventions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks into an MLflow tracking server over its REST API (through MLflow's Java client), with
 * artifacts through the artifact proxy. Every call goes through an ordered {@link DeliveryQueue}:
 * while the server is down, calls wait and are delivered in order once it is back, so an outage
 * slows tracking but never fails training. Calls that return an id wait briefly; during an outage
 * they return a provisional id ({@code pending-<n>}) that later calls may use and {@link
 * #resolvedId} turns into the real one.
 */
public final class MlflowServerTracker implements ExperimentTracker {

  private static final Logger log = LoggerFactory.getLogger(MlflowServerTracker.class);

  private final MlflowServerSettings settings;
  private final MlflowApi api;
  private final ArtifactProxy artifacts;
  private final MlflowServerCalls calls;
  private final DeliveryQueue queue;
  private final Map<String, String> realIds = new ConcurrentHashMap<>();
  private final AtomicLong provisional = new AtomicLong();

  public MlflowServerTracker(MlflowServerSettings settings) {
    this.settings = settings;
    QuickRetries retries =
        new QuickRetries(
            settings.hostCreds().getHost(), settings.attempts(), settings.retryBackoff());
    this.api = new MlflowApi(settings, retries);
    this.artifacts = new ArtifactProxy(settings.hostCreds(), settings.requestTimeout(), retries);
    this.calls = new MlflowServerCalls(api, artifacts);
    this.queue =
        new DeliveryQueue(
            settings.bufferCapacity(), settings.retryBackoff(), settings.outageBackoff());
  }

  @Override
  public String getOrCreateExperiment(String name, Map<String, String> tags) {
    Map<String, String> copy = Map.copyOf(tags);
    return awaitId("experiment " + name, () -> calls.getOrCreateExperiment(name, copy));
  }

  @Override
  public String startRun(
      String experimentId,
      String runName,
      String parentRunId,
      Map<String, String> tags,
      Instant started) {
    long startTime = started.toEpochMilli();
    Map<String, String> allTags = new LinkedHashMap<>(tags);
    return awaitId(
        "start of run " + runName,
        () -> {
          if (parentRunId != null) {
            allTags.put(MlflowConventions.PARENT_RUN_TAG, real(parentRunId));
          }
          return calls.createRun(real(experimentId), runName, startTime, allTags);
        });
  }

  /**
   * Asks the server at once (an empty list when it cannot answer: tracking never fails training).
   */
  @Override
  public List<TrackedRun> activeRuns(String experimentId) {
    try {
      return calls.activeRuns(real(experimentId));
    } catch (RuntimeException e) {
      log.info("MLflow did not list the runs of experiment {}: {}", experimentId, e.getMessage());
      return List.of();
    }
  }

  @Override
  public void deleteRun(String runId) {
    queue.submit("deletion of run " + runId, () -> calls.deleteRun(real(runId)));
  }

  @Override
  public void logParams(String runId, Map<String, String> params) {
    Map<String, String> copy = Map.copyOf(params);
    queue.submit("params of run " + runId, () -> calls.logParams(real(runId), copy));
  }

  @Override
  public void logMetrics(String runId, Map<String, Double> metrics, long step) {
    long timestamp = System.currentTimeMillis();
    Map<String, Double> copy = new LinkedHashMap<>(metrics);
    queue.submit(
        "metrics of run " + runId + " at step " + step,
        () -> calls.logMetrics(real(runId), copy, timestamp, step));
  }

  @Override
  public void endRun(String runId, RunStatus status, Instant ended) {
    long endTime = ended.toEpochMilli();
    queue.submit("end of run " + runId, () -> calls.updateRun(real(runId), status, endTime));
  }

  @Override
  public String logModel(
      String runId, String artifactPath, LoggedModel model, String registeredName)
      throws IOException {
    StagedModel staged = StagedModel.copyOf(model);
    String uri =
        awaitId(
            "model of run " + runId,
            () -> {
              try {
                String logged = calls.logModel(real(runId), artifactPath, staged, registeredName);
                staged.delete();
                return logged;
              } catch (RuntimeException e) {
                if (!(e instanceof MlflowHttpException failure && failure.isTransient())) {
                  staged.delete();
                }
                throw e;
              }
            });
    return uri.startsWith("runs:/") ? uri : "runs:/" + runId + "/" + artifactPath;
  }

  @Override
  public Path downloadArtifacts(String runId, String artifactPath, Path target) throws IOException {
    Files.createDirectories(target);
    String root;
    try {
      root = calls.artifactProxyRoot(real(runId));
    } catch (RuntimeException e) {
      throw new IOException(
          "Could not find the artifacts of run " + runId + ": " + e.getMessage(), e);
    }
    String base = artifactPath.isEmpty() ? root : root + "/" + artifactPath;
    try {
      download(base, target);
    } catch (MlflowHttpException e) {
      throw new IOException(
          "Could not download the artifacts "
              + artifactPath
              + " of run "
              + runId
              + ": "
              + e.getMessage(),
          e);
    }
    return target;
  }

  @Override
  public String resolvedId(String id) {
    return realIds.getOrDefault(id, id);
  }

  @Override
  public String location() {
    return settings.hostCreds().getHost();
  }

  /** The number of calls waiting for the server. */
  public int pendingCalls() {
    return queue.pending();
  }

  @Override
  public void close() {
    if (!queue.drain(settings.closeTimeout())) {
      log.warn(
          "MLflow server {} did not take {} tracking calls within {}.",
          location(),
          queue.pending(),
          settings.closeTimeout());
    }
    queue.close();
    api.close();
  }

  private void download(String proxyPath, Path target) throws IOException {
    JsonNode files = artifacts.list(proxyPath).path("files");
    for (JsonNode file : files) {
      String name = file.path("path").asText();
      Path local = target.resolve(name);
      if (file.path("is_dir").asBoolean()) {
        Files.createDirectories(local);
        download(proxyPath + "/" + name, local);
      } else {
        artifacts.download(proxyPath + "/" + name, local);
      }
    }
  }

  private String awaitId(String description, Supplier<String> call) {
    CompletableFuture<String> result = queue.submit(description, call);
    try {
      return result.get(settings.resultWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      String id = "pending-" + provisional.incrementAndGet();
      result.thenAccept(real -> realIds.put(id, real));
      log.info("MLflow is not answering; {} continues with provisional id {}.", description, id);
      return id;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "pending-" + provisional.incrementAndGet();
    }
  }

  private String real(String id) {
    if (!id.startsWith("pending-")) {
      return id;
    }
    String real = realIds.get(id);
    if (real == null) {
      throw new IllegalStateException(
          "The MLflow object with provisional id " + id + " was never created on the server.");
    }
    return real;
  }
}
