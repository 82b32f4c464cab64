package io.flops.tracking.filestore;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.MlflowConventions;
import io.flops.tracking.filestore.MetaYaml.RunInfo;
import io.flops.tracking.mlmodel.MlflowModel;
import io.flops.tracking.mlmodel.MlmodelWriter;
import io.flops.tracking.mlmodel.PyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Tracks into MLflow's file-store layout (FILESTORE.md), so that {@code mlflow ui
 * --backend-store-uri <root>} and MLflow's own APIs read it as if MLflow had written it: experiment
 * and run {@code meta.yaml} files, one file per param and tag, one line per metric value, model
 * directories under the run's artifacts and the model registry under {@code models/}.
 */
public final class FileStoreTracker implements ExperimentTracker {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StoreLayout layout;
  private final FileStoreRegistry registry;
  private final StoreReader reader;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, RunInfo> runs = new HashMap<>();

  /** A tracker writing under {@code root} (created with MLflow's Default experiment if missing). */
  public FileStoreTracker(Path root) {
    this.layout = new StoreLayout(root);
    this.registry = new FileStoreRegistry(layout);
    this.reader = new StoreReader(layout);
    if (!Files.isDirectory(layout.experiment("0"))) {
      StoreFiles.createDirectories(layout.root().resolve(".trash"));
      StoreFiles.write(
          layout.experimentMeta("0"),
          MetaYaml.experiment("0", "Default", layout.rootUri() + "/0", System.currentTimeMillis()));
    }
  }

  @Override
  public synchronized String getOrCreateExperiment(String name, Map<String, String> tags) {
    Optional<String> existing = reader.experimentNamed(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    String id = newExperimentId();
    StoreFiles.write(
        layout.experimentMeta(id),
        MetaYaml.experiment(id, name, layout.rootUri() + "/" + id, System.currentTimeMillis()));
    tags.forEach((key, value) -> StoreFiles.writeOnce(layout.experimentTag(id, key), value));
    return id;
  }

  @Override
  public synchronized String startRun(
      String experimentId,
      String runName,
      String parentRunId,
      Map<String, String> tags,
      Instant startTime) {
    String runId = UUID.randomUUID().toString().replace("-", "");
    Path run = layout.run(experimentId, runId);
    RunInfo info =
        new RunInfo(
            experimentId,
            runId,
            runName,
            layout.rootUri() + "/" + experimentId + "/" + runId + "/artifacts",
            MlflowConventions.USER,
            startTime.toEpochMilli(),
            null,
            MetaYaml.RUNNING);
    for (String folder : List.of("artifacts", "metrics", "params", "tags")) {
      StoreFiles.createDirectories(run.resolve(folder));
    }
    StoreFiles.write(run.resolve("meta.yaml"), MetaYaml.run(info));
    Map<String, String> allTags = new LinkedHashMap<>(tags);
    allTags.put(MlflowConventions.RUN_NAME_TAG, runName);
    allTags.put(MlflowConventions.USER_TAG, MlflowConventions.USER);
    if (parentRunId != null) {
      allTags.put(MlflowConventions.PARENT_RUN_TAG, parentRunId);
    }
    allTags.forEach((key, value) -> StoreFiles.writeOnce(run.resolve("tags").resolve(key), value));
    runs.put(runId, info);
    return runId;
  }

  @Override
  public synchronized List<TrackedRun> activeRuns(String experimentId) {
    return reader.activeRuns(experimentId);
  }

  @Override
  public synchronized void deleteRun(String runId) {
    StoreFiles.write(
        runFolder(runId).resolve("meta.yaml"),
        MetaYaml.deletedRun(info(runId), System.currentTimeMillis()));
    runs.remove(runId);
  }

  @Override
  public synchronized void logParams(String runId, Map<String, String> params) {
    Path folder = runFolder(runId).resolve("params");
    params.forEach((key, value) -> StoreFiles.writeOnce(folder.resolve(key), value));
  }

  @Override
  public synchronized void logMetrics(String runId, Map<String, Double> metrics, long step) {
    Path folder = runFolder(runId).resolve("metrics");
    long timestamp = System.currentTimeMillis();
    metrics.forEach(
        (key, value) ->
            StoreFiles.appendLine(
                folder.resolve(key), timestamp + " " + PyFloat.format(value) + " " + step));
  }

  @Override
  public synchronized void endRun(String runId, RunStatus status, Instant endTime) {
    RunInfo ended = info(runId).ended(endTime.toEpochMilli(), statusNumber(status));
    StoreFiles.write(runFolder(runId).resolve("meta.yaml"), MetaYaml.run(ended));
    runs.put(runId, ended);
  }

  @Override
  public synchronized String logModel(
      String runId, String artifactPath, LoggedModel model, String registeredName)
      throws IOException {
    Path run = runFolder(runId);
    MlflowModel written =
        MlmodelWriter.write(
            model, runId, artifactPath, run.resolve("artifacts").resolve(artifactPath));
    appendModelHistory(run.resolve("tags").resolve(MlflowConventions.MODEL_HISTORY_TAG), written);
    String uri = "runs:/" + runId + "/" + artifactPath;
    if (registeredName != null) {
      registry.register(registeredName, uri, runId);
    }
    return uri;
  }

  @Override
  public synchronized Path downloadArtifacts(String runId, String artifactPath, Path target)
      throws IOException {
    Path source = runFolder(runId).resolve("artifacts").resolve(artifactPath);
    if (!Files.exists(source)) {
      throw new IOException("Run " + runId + " has no artifacts at " + artifactPath + ".");
    }
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return target;
  }

  @Override
  public String location() {
    return layout.root().toString();
  }

  @Override
  public void close() {
    // Every call was written when it was made; nothing is buffered.
  }

  private void appendModelHistory(Path tag, MlflowModel model) throws IOException {
    List<Object> history = new ArrayList<>();
    if (Files.exists(tag)) {
      history.addAll(JSON.readValue(StoreFiles.read(tag), List.class));
    }
    history.add(model.historyEntry());
    StoreFiles.write(tag, PyJson.write(history));
  }

  private RunInfo info(String runId) {
    return runs.computeIfAbsent(runId, reader::runInfo);
  }

  private Path runFolder(String runId) {
    RunInfo known = runs.get(runId);
    return known != null ? layout.run(known.experimentId(), runId) : reader.findRun(runId);
  }

  private String newExperimentId() {
    String id;
    do {
      id =
          String.valueOf(
              100_000_000_000_000_000L
                  + (random.nextLong() & Long.MAX_VALUE) % 900_000_000_000_000_000L);
    } while (Files.exists(layout.experiment(id)));
    return id;
  }

  private static int statusNumber(RunStatus status) {
    return switch (status) {
      case FINISHED -> MetaYaml.FINISHED;
      case FAILED -> MetaYaml.FAILED;
      case KILLED -> MetaYaml.KILLED;
    };
  }
}
