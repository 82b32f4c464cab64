package io.flops.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Logs a project's experiment: one run per round, its parameters and metrics, and the best model.
 * Used by the aggregator (learners never track, for privacy) and read back by the trained-model
 * builder. Implementations never fail training because tracking is down: they buffer and retry.
 */
public interface ExperimentTracker extends AutoCloseable {

  /** Finds the experiment named {@code name} or creates it with {@code tags}; returns its id. */
  String getOrCreateExperiment(String name, Map<String, String> tags);

  /**
   * Starts a run that began at {@code startTime} (e.g. when its round started, even if the run is
   * recorded later), under user {@link MlflowConventions#USER}.
   *
   * @param parentRunId the run this one is nested under (hierarchical FL), or null
   * @return the run id
   */
  String startRun(
      String experimentId,
      String runName,
      String parentRunId,
      Map<String, String> tags,
      Instant startTime);

  /** Starts a run now; see {@link #startRun(String, String, String, Map, Instant)}. */
  default String startRun(
      String experimentId, String runName, String parentRunId, Map<String, String> tags) {
    return startRun(experimentId, runName, parentRunId, tags, Instant.now());
  }

  /**
   * The active runs of an experiment (id and name): what earlier aggregators of the project logged,
   * e.g. one that was lost.
   */
  List<TrackedRun> activeRuns(String experimentId);

  /** A run as {@link #activeRuns} lists it. */
  record TrackedRun(String runId, String runName) {}

  /**
   * Deletes a run as MLflow's {@code delete_run} does: it leaves the UI and searches, its files
   * stay until {@code mlflow gc}.
   */
  void deleteRun(String runId);

  /** Logs parameters of a run (each key once). */
  void logParams(String runId, Map<String, String> params);

  /** Logs metrics of a run at {@code step}. */
  void logMetrics(String runId, Map<String, Double> metrics, long step);

  /** Ends a run that finished at {@code endTime}. */
  void endRun(String runId, RunStatus status, Instant endTime);

  /** Ends a run now. */
  default void endRun(String runId, RunStatus status) {
    endRun(runId, status, Instant.now());
  }

  /**
   * Logs a saved model as an MLflow model directory under {@code artifactPath} of {@code runId}
   * (writing its {@code MLmodel} file), and registers it under {@code registeredName} where the
   * store supports a model registry (described by {@link
   * MlflowConventions#registeredModelDescription}).
   *
   * @return the model's URI, e.g. {@code runs:/<run id>/<artifactPath>}
   */
  String logModel(String runId, String artifactPath, LoggedModel model, String registeredName)
      throws IOException;

  /** Downloads the artifacts of {@code runId} under {@code artifactPath} into {@code target}. */
  Path downloadArtifacts(String runId, String artifactPath, Path target) throws IOException;

  /**
   * The store's id for an experiment or run id this tracker returned. A tracker that buffers calls
   * while its store is unreachable returns provisional ids meanwhile; once the buffered calls were
   * delivered (e.g. after {@link #close()}), this gives the real id. Otherwise it is {@code id}.
   */
  default String resolvedId(String id) {
    return id;
  }

  /** Where users look: the tracking server's URL, or the file store's location. */
  String location();

  /** Flushes what is buffered, waiting at most a configured time. */
  @Override
  void close();

  /** The end state of a run. */
  enum RunStatus {
    FINISHED,
    FAILED,
    KILLED
  }
}
