package io.flops.aggregator.role;

import io.flops.aggregator.events.AggregatorEvents;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.strategy.Strategies;
import io.flops.aggregator.tracking.ModelDependencies;
import io.flops.aggregator.tracking.ProjectRounds;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.aggregator.training.BestRound;
import io.flops.aggregator.training.FederatedTraining;
import io.flops.aggregator.training.RoundObserver;
import io.flops.aggregator.training.RoundReport;
import io.flops.aggregator.training.TrainingFailedException;
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
 * The classic and the root aggregator: runs all rounds (cycles) from the model's initial
 * parameters, reports each round, keeps the best one, logs its model once at the end and reports
 * success or failure to the manager.
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
    RoundObserver observer =
        (report, parameters) -> {
          events.round(report);
          best.roundFinished(report, parameters);
          tracking.ifPresent(t -> new ProjectRounds(t).roundFinished(report, parameters));
        };
    try {
      FederatedTraining training =
          new FederatedTraining(
              pool,
              settings.plan(),
              Strategies.create(settings.strategy(), settings.strategySettings()));
      training.run(model.getParameters(), 1, settings.plan().rounds(), observer);
      RoundReport winner = best.report().orElseThrow();
      Optional<TrackingSummary> summary =
          tracking.map(t -> t.finish(winner.round(), saveBest(best.parameters())));
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
    } catch (TrainingFailedException | RuntimeException e) {
      String message =
          e instanceof TrainingFailedException
              ? e.getMessage()
              : "Aggregator of project " + settings.projectId() + " failed: " + e;
      log.error(message, e instanceof TrainingFailedException ? null : e);
      pool.finishAll(false, message);
      events.failed(message);
      return false;
    } finally {
      tracking.ifPresent(ProjectTracking::close);
    }
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
