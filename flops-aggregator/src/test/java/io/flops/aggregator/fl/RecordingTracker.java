package io.flops.aggregator.fl;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.LoggedModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records tracking calls; run ids are {@code run-<n>}. */
final class RecordingTracker implements ExperimentTracker {

  final Map<String, String> experiments = new ConcurrentHashMap<>();
  final Map<String, String> runNames = new ConcurrentHashMap<>();
  final Map<String, Map<String, Double>> metrics = new ConcurrentHashMap<>();
  final Map<String, Map<String, String>> params = new ConcurrentHashMap<>();
  final List<String> ended = new CopyOnWriteArrayList<>();
  final List<String> deleted = new CopyOnWriteArrayList<>();
  final List<String> modelRuns = new CopyOnWriteArrayList<>();
  final List<LoggedModel> models = new CopyOnWriteArrayList<>();

  @Override
  public String getOrCreateExperiment(String name, Map<String, String> tags) {
    return experiments.computeIfAbsent(name, n -> "exp-" + experiments.size());
  }

  @Override
  public String startRun(
      String experimentId,
      String runName,
      String parentRunId,
      Map<String, String> tags,
      Instant startTime) {
    String id = "run-" + (runNames.size() + 1);
    runNames.put(id, runName);
    return id;
  }

  @Override
  public List<TrackedRun> activeRuns(String experimentId) {
    return runNames.entrySet().stream()
        .filter(run -> !deleted.contains(run.getKey()))
        .map(run -> new TrackedRun(run.getKey(), run.getValue()))
        .toList();
  }

  @Override
  public void deleteRun(String runId) {
    deleted.add(runId);
  }

  @Override
  public void logParams(String runId, Map<String, String> values) {
    params.put(runId, values);
  }

  @Override
  public void logMetrics(String runId, Map<String, Double> values, long step) {
    metrics.put(runId, values);
  }

  @Override
  public void endRun(String runId, RunStatus status, Instant endTime) {
    ended.add(runId);
  }

  @Override
  public String logModel(
      String runId, String artifactPath, LoggedModel model, String registeredName) {
    modelRuns.add(runId);
    models.add(model);
    return "runs:/" + runId + "/" + artifactPath;
  }

  @Override
  public Path downloadArtifacts(String runId, String artifactPath, Path target) {
    return target;
  }

  @Override
  public String location() {
    return "memory";
  }

  @Override
  public void close() {}
}
