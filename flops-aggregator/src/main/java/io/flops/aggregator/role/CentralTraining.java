package io.flops.aggregator.role;

import io.flops.aggregator.checkpoint.Checkpoint;
import io.flops.aggregator.checkpoint.CheckpointStore;
import io.flops.aggregator.events.AggregatorEvents;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.strategy.Strategies;
import io.flops.aggregator.strategy.Strategy;
import io.flops.aggregator.tracking.ModelDependencies;
import io.flops.aggregator.tracking.ProjectRounds;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.BestRound;
import io.flops.aggregator.training.FederatedTraining;
import io.flops.aggregator.training.RoundObserver;
import io.flops.aggregator.training.RoundReport;
import io.flops.aggregator.training.TrainingFailedException;
import io.flops.common.fl.MemoryShortage;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.mlapi.ModelManager;
import io.flops.tracking.LoggedModel;
import io.flops.tracking.project.ProjectInfo;
import io.flops.tracking.project.ProjectTracking;
import io.flops.tracking.project.TrackingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classic and the root aggregator: runs all rounds (cycles) from the model's initial parameters
 * — or, after a restart, from its last checkpoint — reports each round, keeps the best one, logs
 * its model once at the end and reports success or failure to the manager.
 */
final class CentralTraining {

  private static final Logger log = LoggerFactory.getLogger(CentralTraining.class);

  private final AggregatorSettings settings;
  private final LearnerPool pool;
  private final ModelManager<?> model;
  private final AggregatorEvents events;
  private final TrackerProvider trackers;

  CentralTraining(
      AggregatorSettings settings,
      LearnerPool pool,
      ModelManager<?> model,
      AggregatorEvents events,
      TrackerProvider trackers) {
    this.settings = settings;
    this.pool = pool;
    this.model = model;
    this.events = events;
    this.trackers = trackers;
  }

  /** Trains; returns whether it succeeded. */
  boolean run() throws InterruptedException {
    events.started();
    Optional<ProjectTracking> tracking =
        trackers.open().map(tracker -> ProjectTracking.start(tracker, project()));
    BestRound best = new BestRound();
    Strategy strategy = Strategies.create(settings.strategy(), settings.strategySettings());
    RoundCheckpoints checkpoints =
        new RoundCheckpoints(settings.checkpointDir().map(CheckpointStore::new), events);
    RoundObserver observer =
        new RoundObserver() {
          @Override
          public void roundFinished(RoundReport report, float[] parameters) {
            events.round(report);
            best.roundFinished(report, parameters);
            tracking.ifPresent(t -> new ProjectRounds(t).roundFinished(report, parameters));
            checkpoints.write(report, parameters, strategy, best, tracking);
          }

          @Override
          public void roundRepeated(int round, String reason, int retry) {
            events.roundRepeated(round, reason, retry);
          }
        };
    try {
      Optional<Checkpoint> resumed = checkpoints.resume(strategy, best, tracking);
      int done = resumed.map(Checkpoint::round).orElse(0);
      float[] start = resumed.map(Checkpoint::global).orElseGet(model::getParameters);
      new FederatedTraining(pool, settings.plan(), strategy)
          .run(start, done + 1, Math.max(0, settings.plan().rounds() - done), observer);
      boolean succeeded = succeed(best, tracking);
      checkpoints.clear();
      return succeeded;
    } catch (TrainingFailedException | RuntimeException | OutOfMemoryError e) {
      fail(e);
      checkpoints.clear();
      return false;
    } finally {
      tracking.ifPresent(ProjectTracking::close);
    }
  }

  private boolean succeed(BestRound best, Optional<ProjectTracking> tracking) {
    RoundReport winner =
        best.chosen()
            .orElseThrow(() -> new IllegalStateException("No round was run, so there is no model"));
    if (best.report().isEmpty()) {
      log.warn(
          "No round had a finite accuracy; the model of the last round, {}, is kept",
          winner.round());
    }
    Optional<TrackingSummary> summary =
        tracking.map(t -> t.finish(winner.round(), saveBest(best.chosenParameters())));
    pool.finishAll(true, "Training finished");
    events.succeeded(
        winner.accuracy(),
        winner.loss(),
        summary.map(TrackingSummary::experimentId).orElse(null),
        summary.map(TrackingSummary::bestRunId).orElse(null),
        summary.map(TrackingSummary::modelUri).orElse(null));
    log.info(
        "Training finished; best round {} with accuracy {}", winner.round(), winner.accuracy());
    return true;
  }

  private void fail(Throwable e) {
    String message;
    if (e instanceof TrainingFailedException failed) {
      message = failed.getMessage();
      failed.learnerFailure().ifPresent(l -> events.learnerFailed(l.getKey(), l.getValue()));
    } else if (MemoryShortage.isShortage(e)) {
      message = MemoryShortage.describe("aggregator", e).orElseThrow();
    } else {
      message = "Aggregator of project " + settings.projectId() + " failed: " + e;
    }
    log.error(message, e instanceof TrainingFailedException ? null : e);
    pool.finishAll(false, message);
    events.failed(message);
  }

  private LoggedModel saveBest(float[] parameters) {
    try {
      model.setParameters(parameters);
      Path directory = Files.createTempDirectory("flops-best-model");
      List<String> files = model.save(directory);
      List<String> dependencies =
          ModelDependencies.of(settings.modelDependencies(), model.getClass().getClassLoader());
      return new LoggedModel(directory, files, model.flavor(), model.signature(), dependencies);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot save the best model: " + e.getMessage(), e);
    }
  }

  private ProjectInfo project() {
    return new ProjectInfo(
        settings.projectId(),
        settings.customerId(),
        settings.repoUrl(),
        settings.commit(),
        settings.strategy().jsonName(),
        settings.plan().rounds(),
        settings.plan().minFit(),
        settings.role() == Role.ROOT ? "hierarchical" : "classic");
  }
}
