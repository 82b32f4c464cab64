package io.flops.aggregator.role;

import io.flops.aggregator.checkpoint.Checkpoint;
import io.flops.aggregator.checkpoint.CheckpointStore;
import io.flops.aggregator.events.AggregatorEvents;
import io.flops.aggregator.strategy.Strategy;
import io.flops.aggregator.training.BestRound;
import io.flops.aggregator.training.RoundReport;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.tracking.project.ProjectTracking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of a classic or root aggregator: resumes from the latest one (global parameters,
 * strategy state, best round and its tracking run) and writes one after every round. A checkpoint
 * that cannot be written is reported and training goes on.
 */
final class RoundCheckpoints {

  private static final Logger log = LoggerFactory.getLogger(RoundCheckpoints.class);

  private final Optional<CheckpointStore> store;
  private final AggregatorEvents events;

  RoundCheckpoints(Optional<CheckpointStore> store, AggregatorEvents events) {
    this.store = store;
    this.events = events;
  }

  /**
   * The latest checkpoint, with its strategy state, best round and best run taken up.
   *
   * @throws UncheckedIOException when a checkpoint exists but cannot be read
   */
  Optional<Checkpoint> resume(
      Strategy strategy, BestRound best, Optional<ProjectTracking> tracking) {
    Optional<Checkpoint> latest;
    try {
      latest = store.isPresent() ? store.get().latest() : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the aggregator's checkpoint: " + e, e);
    }
    latest.ifPresent(
        checkpoint -> {
          strategy.restore(checkpoint.strategyState());
          checkpoint
              .best()
              .ifPresent(
                  b -> {
                    best.restore(report(b), b.parameters());
                    tracking.ifPresent(t -> t.adopt(b.round(), b.runId()));
                  });
          events.log(
              Level.INFO,
              "Aggregator restarted: resuming after round "
                  + checkpoint.round()
                  + " from its checkpoint");
        });
    return latest;
  }

  /** Writes the checkpoint of the round just finished. */
  void write(
      RoundReport report,
      float[] parameters,
      Strategy strategy,
      BestRound best,
      Optional<ProjectTracking> tracking) {
    if (store.isEmpty()) {
      return;
    }
    Optional<Checkpoint.Best> bestSoFar =
        best.report()
            .map(
                r ->
                    new Checkpoint.Best(
                        r.round(),
                        r.loss(),
                        r.accuracy(),
                        best.parameters(),
                        tracking.flatMap(t -> t.runId(r.round())).orElse("")));
    try {
      store.get().write(new Checkpoint(report.round(), parameters, strategy.state(), bestSoFar));
    } catch (IOException | UncheckedIOException e) {
      log.warn("Checkpoint of round {} failed", report.round(), e);
      events.log(
          Level.WARN,
          "The checkpoint of round " + report.round() + " could not be written: " + e.getMessage());
    }
  }

  /** Deletes the checkpoints once the training ended (succeeded or failed for good). */
  void clear() {
    if (store.isEmpty()) {
      return;
    }
    try {
      store.get().clear();
    } catch (IOException | UncheckedIOException e) {
      log.warn("The checkpoints could not be deleted", e);
    }
  }

  private static RoundReport report(Checkpoint.Best best) {
    return new RoundReport(
        best.round(),
        best.loss(),
        best.accuracy(),
        0,
        0,
        List.of(),
        Map.of(),
        Duration.ZERO,
        Duration.ZERO,
        Map.of(),
        0);
  }
}
