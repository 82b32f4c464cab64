package io.flops.tracking.project;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.project.RoundRecord.ClusterRound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the aggregator tracks about a project: experiment {@code FLOps Project <id>} tagged with
 * customer, repository and commit; one run per round ({@code FLOps FL round <n>}) with the SLA's
 * parameters and the round's metrics; for hierarchical FL, the clusters' rounds as runs nested in
 * the root cycle's run; and the best model, logged once into the run of the round that produced it
 * and registered as {@code <project id>}.
 *
 * <p>Tracking never fails training: a failing tracker call is logged as a warning and skipped.
 * Usage: {@code start}, then {@code roundStarted} (optional) and {@code roundFinished} per round,
 * then {@code finish} with the best round and its model (or {@code close} when training failed).
 */
public final class ProjectTracking implements AutoCloseable {

  /** The artifact path of the logged model inside its run. */
  public static final String MODEL_ARTIFACT_PATH = "model";

  private static final Logger log = LoggerFactory.getLogger(ProjectTracking.class);

  private final ExperimentTracker tracker;
  private final ProjectInfo project;
  private final String experimentId;
  private final Map<Integer, String> runIds = new TreeMap<>();

  /** Active runs found when tracking started, by name: left by earlier aggregators. */
  private final Map<String, List<String>> earlierRuns = new HashMap<>();

  private RoundRecord best;
  private boolean closed;

  private ProjectTracking(ExperimentTracker tracker, ProjectInfo project, String experimentId) {
    this.tracker = tracker;
    this.project = project;
    this.experimentId = experimentId;
    List<ExperimentTracker.TrackedRun> earlier =
        experimentId == null
            ? null
            : guarded("runs of experiment " + experimentId, () -> tracker.activeRuns(experimentId));
    for (ExperimentTracker.TrackedRun run :
        earlier == null ? List.<ExperimentTracker.TrackedRun>of() : earlier) {
      earlierRuns.computeIfAbsent(run.runName(), name -> new ArrayList<>()).add(run.runId());
    }
  }

  /** Finds or creates the project's experiment; the returned object owns {@code tracker}. */
  public static ProjectTracking start(ExperimentTracker tracker, ProjectInfo project) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("flops.project", project.projectId());
    tags.put("flops.customer", project.customerId());
    tags.put("flops.repo", project.repoUrl());
    tags.put("flops.commit", project.commit());
    String experimentId =
        guarded(
            "experiment " + project.experimentName(),
            () -> tracker.getOrCreateExperiment(project.experimentName(), tags));
    return new ProjectTracking(tracker, project, experimentId);
  }

  /**
   * Starts the run of {@code round} now (optional: {@link #roundFinished} starts it otherwise, with
   * the round's recorded start time).
   */
  public synchronized void roundStarted(int round) {
    runOf(round, Instant.now());
  }

  /**
   * Logs a finished round (or root cycle, with its clusters' rounds) and ends its run. The run
   * starts when the round started and ends when it finished, wherever it is recorded from.
   *
   * @return whether this round is the best so far (highest accuracy; on a tie, lower loss), i.e.
   *     whether the caller should keep this round's model for {@link #finish}
   */
  public synchronized boolean roundFinished(RoundRecord record) {
    boolean newBest =
        best == null
            || record.accuracy() > best.accuracy()
            || (record.accuracy() == best.accuracy() && record.loss() < best.loss());
    if (newBest) {
      best = record;
    }
    String runId = runOf(record.round(), record.started());
    if (runId != null) {
      trackRound(record, runId);
    }
    return newBest;
  }

  /** The run of {@code round}, when it was tracked (kept in checkpoints across restarts). */
  public synchronized Optional<String> runId(int round) {
    return Optional.ofNullable(runIds.get(round));
  }

  /**
   * Takes up the run of a round tracked before the aggregator restarted, so {@link #finish} can log
   * that round's model into it (no new run is started for it).
   */
  public synchronized void adopt(int round, String runId) {
    runIds.putIfAbsent(round, runId == null || runId.isEmpty() ? null : runId);
  }

  /** The best round reported so far (see {@link #roundFinished}), or 0 before the first. */
  public synchronized int bestRound() {
    return best == null ? 0 : best.round();
  }

  private void trackRound(RoundRecord record, String runId) {
    track(record, runId);
    for (ClusterRound clusterRound : record.clusterRounds()) {
      String nested =
          startRun(
              clusterRunPrefix(record.round())
                  + clusterRound.cluster()
                  + " round "
                  + clusterRound.round().round(),
              runId,
              Map.of(
                  "flops.role", "cluster",
                  "flops.cluster", clusterRound.cluster(),
                  "flops.cycle", String.valueOf(record.round())),
              clusterRound.round().started());
      if (nested != null) {
        track(clusterRound.round(), nested);
      }
    }
  }

  /**
   * Logs {@code bestModel} into the run of {@code bestRound} (not the last round's), registers it
   * as the project's model, and delivers everything still buffered.
   *
   * @throws IllegalArgumentException if {@code bestRound} was never reported
   */
  public synchronized TrackingSummary finish(int bestRound, LoggedModel bestModel) {
    if (!runIds.containsKey(bestRound)) {
      throw new IllegalArgumentException(
          "Round "
              + bestRound
              + " of project "
              + project.projectId()
              + " was never tracked, so its model cannot be logged into its run.");
    }
    String runId = runIds.get(bestRound);
    if (runId != null) {
      guarded(
          "model of round " + bestRound,
          () -> tracker.logModel(runId, MODEL_ARTIFACT_PATH, bestModel, project.projectId()));
    }
    close();
    if (runId == null) {
      log.warn("The run of round {} could not be tracked, so its model was not logged.", bestRound);
      return new TrackingSummary(null, bestRound, null, null, tracker.location());
    }
    String bestRunId = tracker.resolvedId(runId);
    return new TrackingSummary(
        experimentId == null ? null : tracker.resolvedId(experimentId),
        bestRound,
        bestRunId,
        "runs:/" + bestRunId + "/" + MODEL_ARTIFACT_PATH,
        tracker.location());
  }

  /** Delivers what is buffered and releases the tracker. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      attempt("closing the tracker", () -> tracker.close());
    }
  }

  /**
   * The run of {@code round}, started on first use. A run of the same round that an earlier
   * aggregator of the project logged before it was lost — and before its checkpoint covered the
   * round, so the round runs again — is deleted first, with the clusters' rounds nested in it
   * (hierarchical FL): each round has one run, and a cycle only the clusters' rounds it ran.
   */
  private String runOf(int round, Instant started) {
    if (!runIds.containsKey(round)) {
      String name = "FLOps FL round " + round;
      String nested = clusterRunPrefix(round);
      discardEarlierRuns(run -> run.equals(name) || run.startsWith(nested));
      String role = project.mode().equals("hierarchical") ? "root" : "aggregator";
      runIds.put(
          round,
          startRun(
              name,
              null,
              Map.of("flops.role", role, "flops.round", String.valueOf(round)),
              started));
    }
    return runIds.get(round);
  }

  private void discardEarlierRuns(Predicate<String> names) {
    for (Iterator<Map.Entry<String, List<String>>> runs = earlierRuns.entrySet().iterator();
        runs.hasNext(); ) {
      Map.Entry<String, List<String>> named = runs.next();
      if (!names.test(named.getKey())) {
        continue;
      }
      for (String runId : named.getValue()) {
        log.info(
            "Deleting run {} of {}: a lost aggregator left it and the round runs again",
            runId,
            named.getKey());
        attempt("deleting run " + runId, () -> tracker.deleteRun(runId));
      }
      runs.remove();
    }
  }

  /** The start of the names of the runs nested in hierarchical cycle {@code cycle}. */
  private static String clusterRunPrefix(int cycle) {
    return "FLOps FL cycle " + cycle + " cluster ";
  }

  private String startRun(
      String name, String parentRunId, Map<String, String> tags, Instant started) {
    if (experimentId == null) {
      return null;
    }
    Map<String, String> all = new LinkedHashMap<>(tags);
    all.put("flops.project", project.projectId());
    return guarded(
        "run " + name, () -> tracker.startRun(experimentId, name, parentRunId, all, started));
  }

  private void track(RoundRecord record, String runId) {
    Map<String, String> params = project.runParams();
    Map<String, Double> metrics = record.metrics();
    attempt("params of run " + runId, () -> tracker.logParams(runId, params));
    attempt("metrics of run " + runId, () -> tracker.logMetrics(runId, metrics, record.round()));
    attempt(
        "end of run " + runId, () -> tracker.endRun(runId, RunStatus.FINISHED, record.finished()));
  }

  private static <T> T guarded(String what, ThrowingSupplier<T> call) {
    try {
      return call.get();
    } catch (Exception e) {
      log.warn("Tracking of {} failed; training goes on without it: {}", what, e.getMessage());
      return null;
    }
  }

  private static void attempt(String what, ThrowingRunnable call) {
    guarded(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  @FunctionalInterface
  private interface ThrowingSupplier<T> {
    T get() throws Exception;
  }
}
