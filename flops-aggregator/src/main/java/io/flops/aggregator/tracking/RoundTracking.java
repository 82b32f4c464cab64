package io.flops.aggregator.tracking;

import io.flops.aggregator.training.RoundObserver;
import io.flops.aggregator.training.RoundReport;
import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.LoggedModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks a project: experiment {@code FLOps Project <id>}, one run {@code FLOps FL round <n>} per
 * round with the training parameters and the round's metrics, and the best model logged once, into
 * the best round's run. Tracking never fails training: a failing call is logged and skipped.
 */
public final class RoundTracking implements RoundObserver, AutoCloseable {

  /** The artifact path of the best model inside its run. */
  public static final String MODEL_PATH = "model";

  private static final Logger log = LoggerFactory.getLogger(RoundTracking.class);

  private final ExperimentTracker tracker;
  private final TrackedProject project;
  private final String experimentId;
  private final Map<Integer, String> runIds = new HashMap<>();

  public RoundTracking(ExperimentTracker tracker, TrackedProject project) {
    this.tracker = tracker;
    this.project = project;
    this.experimentId =
        guarded(
            "the experiment",
            () -> tracker.getOrCreateExperiment(project.experimentName(), project.tags()));
  }

  public Optional<String> experimentId() {
    return Optional.ofNullable(experimentId);
  }

  public Optional<String> runId(int round) {
    return Optional.ofNullable(runIds.get(round));
  }

  /** Where users look. */
  public String location() {
    return tracker.location();
  }

  @Override
  public void roundFinished(RoundReport report, float[] parameters) {
    if (experimentId == null) {
      return;
    }
    String runId =
        guarded(
            "round " + report.round(),
            () -> {
              String id =
                  tracker.startRun(
                      experimentId,
                      "FLOps FL round " + report.round(),
                      null,
                      Map.of("flops.project", project.projectId()));
              tracker.logParams(id, project.params());
              tracker.logMetrics(id, metrics(report), report.round());
              tracker.endRun(id, RunStatus.FINISHED);
              return id;
            });
    if (runId != null) {
      runIds.put(report.round(), runId);
    }
  }

  /**
   * Logs {@code model} into the run of {@code round}.
   *
   * @return the model's URI, or empty when that round was not tracked or logging failed
   */
  public Optional<String> logBestModel(int round, LoggedModel model) {
    String runId = runIds.get(round);
    if (runId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        guarded(
            "the best model",
            () -> {
              try {
                return tracker.logModel(runId, MODEL_PATH, model, project.projectId());
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            }));
  }

  @Override
  public void close() {
    guarded(
        "closing",
        () -> {
          tracker.close();
          return null;
        });
  }

  private static Map<String, Double> metrics(RoundReport report) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", report.loss());
    metrics.put("accuracy", report.accuracy());
    metrics.put("round_duration_s", report.duration().toMillis() / 1000.0);
    metrics.put("learners", (double) report.trained().size());
    metrics.put("examples", (double) report.fitExamples());
    report.fitMetrics().forEach((key, value) -> metrics.put("fit_" + key, value));
    return metrics;
  }

  private <T> T guarded(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      log.warn("Tracking {} of project {} failed: {}", what, project.projectId(), e.getMessage());
      return null;
    }
  }
}
