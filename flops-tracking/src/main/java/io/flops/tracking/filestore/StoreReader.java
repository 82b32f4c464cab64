package io.flops.tracking.filestore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.filestore.MetaYaml.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads back what the store holds, for a tracker that did not write it (e.g. after a restart). */
final class StoreReader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final StoreLayout layout;

  StoreReader(StoreLayout layout) {
    this.layout = layout;
  }

  /** The id of the active experiment named {@code name}, if there is one. */
  Optional<String> experimentNamed(String name) {
    try (Stream<Path> folders = Files.list(layout.root())) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve("meta.yaml")))
          .map(folder -> readYaml(folder.resolve("meta.yaml")))
          .filter(meta -> name.equals(meta.get("name")))
          .filter(meta -> "active".equals(meta.get("lifecycle_stage")))
          .map(meta -> String.valueOf(meta.get("experiment_id")))
          .findFirst();
    } catch (IOException e) {
      throw StoreFiles.failure("list", layout.root(), e);
    }
  }

  /** The active runs of experiment {@code experimentId}, by id. */
  List<ExperimentTracker.TrackedRun> activeRuns(String experimentId) {
    Path experiment = layout.experiment(experimentId);
    if (!Files.isDirectory(experiment)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(experiment)) {
      return folders
          .filter(folder -> Files.isRegularFile(folder.resolve("meta.yaml")))
          .map(folder -> readYaml(folder.resolve("meta.yaml")))
          .filter(meta -> meta.containsKey("run_id"))
          .filter(meta -> "active".equals(meta.get("lifecycle_stage")))
          .map(
              meta ->
                  new ExperimentTracker.TrackedRun(
                      String.valueOf(meta.get("run_id")), String.valueOf(meta.get("run_name"))))
          .sorted(java.util.Comparator.comparing(ExperimentTracker.TrackedRun::runId))
          .toList();
    } catch (IOException e) {
      throw StoreFiles.failure("list", experiment, e);
    }
  }

  /** What the meta.yaml of run {@code runId} says. */
  RunInfo runInfo(String runId) {
    Map<String, Object> meta = readYaml(findRun(runId).resolve("meta.yaml"));
    Object end = meta.get("end_time");
    return new RunInfo(
        String.valueOf(meta.get("experiment_id")),
        runId,
        String.valueOf(meta.get("run_name")),
        String.valueOf(meta.get("artifact_uri")),
        String.valueOf(meta.get("user_id")),
        ((Number) meta.get("start_time")).longValue(),
        end == null ? null : ((Number) end).longValue(),
        ((Number) meta.getOrDefault("status", MetaYaml.RUNNING)).intValue());
  }

  /** The folder of run {@code runId}, in whichever experiment it is. */
  Path findRun(String runId) {
    try (Stream<Path> folders = Files.list(layout.root())) {
      return folders
          .map(folder -> folder.resolve(runId))
          .filter(run -> Files.isRegularFile(run.resolve("meta.yaml")))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "Run "
                          + runId
                          + " does not exist in the MLflow file store "
                          + layout.root()
                          + "."));
    } catch (IOException e) {
      throw StoreFiles.failure("list", layout.root(), e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readYaml(Path file) {
    try {
      return YAML.readValue(file.toFile(), Map.class);
    } catch (IOException e) {
      throw StoreFiles.failure("read", file, e);
    }
  }
}
