package io.flops.aggregator.training;

import io.flops.aggregator.server.EvaluationReply;
import io.flops.aggregator.server.FitReply;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.server.LearnerSession;
import io.flops.aggregator.server.OutgoingInstruction;
import io.flops.aggregator.strategy.ClientUpdate;
import io.flops.aggregator.strategy.Strategy;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rounds over the learners of a {@link LearnerPool}: each round waits for {@code minAvailable}
 * learners, sends fit with the global parameters to every connected learner, aggregates the answers
 * with the {@link Strategy}, then evaluates the result on every connected learner. A learner that
 * drops out or misses the deadline is left out of the round; the round fails when fewer than the
 * minimum answered. Learners that join during a round take part from the next one.
 */
public final class FederatedTraining {

  private static final Logger log = LoggerFactory.getLogger(FederatedTraining.class);

  private final LearnerPool pool;
  private final TrainingPlan plan;
  private final Strategy strategy;
  private final AtomicLong instructionIds = new AtomicLong();

  public FederatedTraining(LearnerPool pool, TrainingPlan plan, Strategy strategy) {
    this.pool = pool;
    this.plan = plan;
    this.strategy = strategy;
  }

  /**
   * Runs {@code count} rounds numbered from {@code firstRound}.
   *
   * @return the parameters after the last round
   */
  public float[] run(float[] start, int firstRound, int count, RoundObserver observer)
      throws TrainingFailedException, InterruptedException {
    float[] global = start;
    for (int round = firstRound; round < firstRound + count; round++) {
      global = runRound(global, round, observer);
    }
    return global;
  }

  /** Evaluates {@code parameters} on every connected learner (at least {@code minEvaluate}). */
  public Evaluation evaluate(float[] parameters, int round)
      throws TrainingFailedException, InterruptedException {
    List<LearnerSession> learners = awaitLearners(round, plan.minEvaluate());
    OutgoingInstruction outgoing = instruction(InstructionKind.EVALUATE, round, parameters);
    Collected<EvaluationReply> answers =
        Collected.from(learners, l -> l.evaluate(outgoing), deadline());
    requireEnough(round, "evaluation", answers, learners.size(), plan.minEvaluate());
    return Metrics.weighted(answers.replies());
  }

  private float[] runRound(float[] global, int round, RoundObserver observer)
      throws TrainingFailedException, InterruptedException {
    long started = System.nanoTime();
    List<LearnerSession> learners = awaitLearners(round, plan.minFit());
    OutgoingInstruction outgoing = instruction(InstructionKind.FIT, round, global);
    Collected<FitReply> fits = Collected.from(learners, l -> l.fit(outgoing), deadline());
    requireEnough(round, "fit", fits, learners.size(), plan.minFit());
    List<ClientUpdate> updates =
        fits.replies().stream().map(r -> new ClientUpdate(r.parameters(), r.examples())).toList();
    float[] next = strategy.aggregate(global, updates);
    Evaluation evaluation = evaluate(next, round);
    RoundReport report =
        new RoundReport(
            round,
            evaluation.loss(),
            evaluation.accuracy(),
            updates.stream().mapToLong(ClientUpdate::examples).sum(),
            evaluation.examples(),
            fits.replies().stream().map(FitReply::learner).toList(),
            fits.dropped(),
            Duration.ofNanos(System.nanoTime() - started),
            Metrics.slowestFit(fits.replies()),
            Metrics.weightedFitMetrics(fits.replies()),
            (long) global.length * Float.BYTES * (2L * learners.size() + fits.replies().size()));
    log.info(
        "Round {}: loss {} accuracy {} from {} learners{}",
        round,
        String.format("%.4f", report.loss()),
        String.format("%.4f", report.accuracy()),
        report.trained().size(),
        report.dropped().isEmpty() ? "" : ", left out " + report.dropped());
    observer.roundFinished(report, next);
    return next;
  }

  private List<LearnerSession> awaitLearners(int round, int needed)
      throws TrainingFailedException, InterruptedException {
    int wanted = Math.max(plan.minAvailable(), needed);
    int connected = pool.awaitAtLeast(wanted, plan.joinTimeout());
    failOnFatalLearner();
    if (connected < needed) {
      throw new TrainingFailedException(
          "Round "
              + round
              + " cannot start: only "
              + connected
              + " learner(s) connected within "
              + plan.joinTimeout().toSeconds()
              + " s, "
              + needed
              + " needed");
    }
    if (connected < wanted) {
      log.warn(
          "Round {} goes on with {} of the {} learners wanted (min_available_clients); the others"
              + " did not connect within {} s",
          round,
          connected,
          wanted,
          plan.joinTimeout().toSeconds());
    }
    return pool.active();
  }

  private void requireEnough(int round, String phase, Collected<?> answers, int asked, int needed)
      throws TrainingFailedException {
    failOnFatalLearner();
    if (answers.replies().size() < needed) {
      throw new TrainingFailedException(
          "Round "
              + round
              + " failed: "
              + answers.replies().size()
              + " of "
              + asked
              + " learners answered the "
              + phase
              + ", "
              + needed
              + " needed ("
              + String.join("; ", answers.dropped().values())
              + ")");
    }
  }

  private void failOnFatalLearner() throws TrainingFailedException {
    if (pool.fatalFailure().isPresent()) {
      throw new TrainingFailedException(
          "Learner " + pool.fatalFailure().get() + " (the project cannot train without it)");
    }
  }

  private OutgoingInstruction instruction(InstructionKind kind, int round, float[] parameters) {
    Instruction instruction =
        Instruction.newBuilder()
            .setInstructionId(instructionIds.incrementAndGet())
            .setKind(kind)
            .setRound(round)
            .setLocalEpochs(plan.localEpochs())
            .setBatchSize(plan.batchSize())
            .putAllConfig(plan.config())
            .setDeadlineMs(deadline())
            .build();
    return new OutgoingInstruction(instruction, parameters, plan.chunkBytes());
  }

  private long deadline() {
    return System.currentTimeMillis() + plan.roundTimeout().toMillis();
  }
}
