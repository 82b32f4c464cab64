package io.flops.tracking.filestore;

import io.flops.tracking.mlmodel.PyYaml;
import io.flops.tracking.mlmodel.PyYaml.Literal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code meta.yaml} files of MLflow's file store, with the keys MLflow 2.17.2 writes. */
final class MetaYaml {

  /** MLflow's {@code RunStatus} numbers. */
  static final int RUNNING = 1;

  static final int FINISHED = 3;
  static final int FAILED = 4;
  static final int KILLED = 5;

  private MetaYaml() {}

  static String experiment(String id, String name, String artifactLocation, long createdMillis) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("artifact_location", artifactLocation);
    fields.put("creation_time", createdMillis);
    fields.put("experiment_id", id);
    fields.put("last_update_time", createdMillis);
    fields.put("lifecycle_stage", "active");
    fields.put("name", name);
    return PyYaml.mapping(fields);
  }

  /** A run's meta.yaml; {@code endMillis} is null while it runs. */
  static String run(RunInfo run) {
    return PyYaml.mapping(runFields(run));
  }

  /** The meta.yaml of a run {@code delete_run} deleted at {@code deletedMillis}. */
  static String deletedRun(RunInfo run, long deletedMillis) {
    Map<String, Object> fields = runFields(run);
    fields.put("lifecycle_stage", "deleted");
    fields.put("deleted_time", deletedMillis);
    return PyYaml.mapping(fields);
  }

  private static Map<String, Object> runFields(RunInfo run) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("artifact_uri", run.artifactUri());
    fields.put("end_time", run.endMillis());
    fields.put("entry_point_name", "");
    fields.put("experiment_id", run.experimentId());
    fields.put("lifecycle_stage", "active");
    fields.put("run_id", run.runId());
    fields.put("run_name", run.runName());
    fields.put("run_uuid", run.runId());
    fields.put("source_name", "");
    fields.put("source_type", 4);
    fields.put("source_version", "");
    fields.put("start_time", run.startMillis());
    fields.put("status", run.status());
    fields.put("tags", List.of());
    fields.put("user_id", run.userId());
    return fields;
  }

  static String registeredModel(String name, String description, long created, long updated) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("aliases", Map.of());
    fields.put("creation_timestamp", created);
    fields.put("description", description);
    fields.put("last_updated_timestamp", updated);
    fields.put("name", name);
    return PyYaml.mapping(fields);
  }

  static String modelVersion(String name, int version, String source, String runId, long now) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("aliases", List.of());
    fields.put("creation_timestamp", now);
    fields.put("current_stage", new Literal("None"));
    fields.put("description", null);
    fields.put("last_updated_timestamp", now);
    fields.put("name", name);
    fields.put("run_id", runId);
    fields.put("run_link", null);
    fields.put("source", source);
    fields.put("status", "READY");
    fields.put("status_message", null);
    fields.put("storage_location", source);
    fields.put("user_id", null);
    fields.put("version", version);
    return PyYaml.mapping(fields);
  }

  /** What a run's meta.yaml holds. */
  record RunInfo(
      String experimentId,
      String runId,
      String runName,
      String artifactUri,
      String userId,
      long startMillis,
      Long endMillis,
      int status) {

    RunInfo ended(long endMillis, int status) {
      return new RunInfo(
          experimentId, runId, runName, artifactUri, userId, startMillis, endMillis, status);
    }
  }
}
