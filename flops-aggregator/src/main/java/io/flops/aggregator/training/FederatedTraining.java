package io.flops.aggregator.training;

import io.flops.aggregator.server.EvaluationReply;
import io.flops.aggregator.server.FitReply;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.server.LearnerSession;
import io.flops.aggregator.server.OutgoingInstruction;
import io.flops.aggregator.strategy.Aggregation;
import io.flops.aggregator.strategy.ClientUpdate;
import io.flops.aggregator.strategy.RoundTooLargeException;
import io.flops.aggregator.strategy.Strategy;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rounds over the learners of a {@link LearnerPool}: each round waits for {@code minAvailable}
 * learners, sends fit with the global parameters to every connected learner and aggregates each
 * answer with the {@link Strategy} as it arrives. Evaluation is pipelined: round r's model is
 * evaluated by the learners at the start of round r + 1's fit ({@code evaluate_first}), so a round
 * costs one exchange; after the last round it is evaluated on its own. A learner that drops out,
 * misses the deadline or answers with NaN/infinite values is left out of the round (with why); the
 * round fails when fewer than the minimum answered, unless the missing answers are only those of
 * learners whose stream was lost: then the round runs again (at most {@code roundRetries} times)
 * once enough learners are back, since a learner that reconnects can still answer it. Learners that
 * join during a round take part from the next one.
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

  /** The strategy, whose state a checkpoint keeps. */
  public Strategy strategy() {
    return strategy;
  }

  /**
   * Runs {@code count} rounds numbered from {@code firstRound}; {@code observer} hears of each
   * round once its evaluation is known.
   *
   * @return the parameters after the last round
   */
  public float[] run(float[] start, int firstRound, int count, RoundObserver observer)
      throws TrainingFailedException, InterruptedException {
    float[] global = start;
    FittedRound previous = null;
    for (int round = firstRound; round < firstRound + count; round++) {
      float[] from = global;
      FittedRound last = previous;
      int number = round;
      previous = attempt(round, observer, () -> fit(from, number, last, observer));
      global = previous.parameters();
    }
    if (previous != null) {
      long started = System.nanoTime();
      int learners = pool.active().size();
      float[] last = global;
      int round = previous.round();
      Evaluation evaluation = attempt(round, observer, () -> evaluate(last, round));
      long bytes = (long) global.length * Float.BYTES * learners;
      finish(previous.report(evaluation, System.nanoTime() - started, bytes), global, observer);
    }
    return global;
  }

  /**
   * Runs one round's {@code work}; while it falls short only because learners were lost, runs it
   * again (at most {@code roundRetries} times) once enough learners are connected again.
   */
  private <T> T attempt(int round, RoundObserver observer, RoundWork<T> work)
      throws TrainingFailedException, InterruptedException {
    for (int retry = 1; ; retry++) {
      try {
        return work.run();
      } catch (LearnersLostException lost) {
        if (retry > plan.roundRetries()) {
          throw lost;
        }
        log.warn(
            "{} Running round {} again (retry {} of {}).",
            lost.getMessage(),
            round,
            retry,
            plan.roundRetries());
        observer.roundRepeated(round, lost.getMessage(), retry);
      }
    }
  }

  /** One attempt at a round's fit or evaluation. */
  @FunctionalInterface
  private interface RoundWork<T> {
    T run() throws TrainingFailedException, InterruptedException;
  }

  /** Evaluates {@code parameters} on every connected learner (at least {@code minEvaluate}). */
  public Evaluation evaluate(float[] parameters, int round)
      throws TrainingFailedException, InterruptedException {
    List<LearnerSession> learners = awaitLearners(round, plan.minEvaluate());
    OutgoingInstruction outgoing = instruction(InstructionKind.EVALUATE, round, parameters, false);
    Collected<EvaluationReply> answers =
        Collected.from(
            learners,
            l -> l.evaluate(outgoing),
            deadline(),
            reply -> {
              AnswerChecks.check(reply, round);
              return reply;
            },
            reply -> {});
    requireEnough(round, "evaluation", answers, learners.size(), plan.minEvaluate());
    return Metrics.weighted(answers.replies());
  }

  private FittedRound fit(float[] global, int round, FittedRound previous, RoundObserver observer)
      throws TrainingFailedException, InterruptedException {
    long started = System.nanoTime();
    List<LearnerSession> learners = awaitLearners(round, plan.minFit());
    Aggregation aggregation = begin(global, learners.size());
    OutgoingInstruction outgoing =
        instruction(InstructionKind.FIT, round, global, previous != null);
    Collected<FitSummary> fits =
        Collected.from(
            learners,
            l -> l.fit(outgoing),
            deadline(),
            reply -> accept(reply, aggregation, global.length, round),
            pool::release);
    requireEnough(round, "fit", fits, learners.size(), plan.minFit());
    if (previous != null) {
      List<EvaluationReply> evaluations =
          fits.replies().stream().flatMap(f -> f.evaluation().stream()).toList();
      requireEnough(
          previous.round(),
          "evaluation",
          new Collected<>(evaluations, fits.dropped(), fits.lost()),
          learners.size(),
          plan.minEvaluate());
      finish(previous.report(Metrics.weighted(evaluations), 0, 0), global, observer);
    }
    float[] next = aggregation.result();
    long bytes = outgoing.parameterBytes() * (learners.size() + fits.replies().size());
    return new FittedRound(
        round, next, fits.replies(), fits.dropped(), System.nanoTime() - started, bytes);
  }

  private FitSummary accept(FitReply reply, Aggregation aggregation, int length, int round) {
    try {
      AnswerChecks.check(reply, length, round);
      aggregation.add(new ClientUpdate(reply.parameters(), reply.examples()));
      return new FitSummary(reply.learner(), reply.examples(), reply.metrics(), reply.evaluation());
    } finally {
      pool.release(reply);
    }
  }

  private Aggregation begin(float[] global, int learners) throws TrainingFailedException {
    try {
      return strategy.begin(global, learners);
    } catch (RoundTooLargeException e) {
      throw new TrainingFailedException(e.getMessage());
    }
  }

  private void finish(RoundReport report, float[] parameters, RoundObserver observer) {
    log.info(
        "Round {}: loss {} accuracy {} from {} learners{}",
        report.round(),
        String.format("%.4f", report.loss()),
        String.format("%.4f", report.accuracy()),
        report.trained().size(),
        report.dropped().isEmpty() ? "" : ", left out " + report.dropped());
    observer.roundFinished(report, parameters);
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
      String message =
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
              + ")";
      throw answers.onlyLost()
          ? new LearnersLostException(message, answers.dropped())
          : new TrainingFailedException(message, answers.dropped());
    }
  }

  /** A learner that cannot take part reported it itself (learner/failed); this only ends here. */
  private void failOnFatalLearner() throws TrainingFailedException {
    if (pool.fatalFailure().isPresent()) {
      throw new TrainingFailedException(
          "Learner " + pool.fatalFailure().get() + " (the project cannot train without it)");
    }
  }

  private OutgoingInstruction instruction(
      InstructionKind kind, int round, float[] parameters, boolean evaluateFirst) {
    Instruction instruction =
        Instruction.newBuilder()
            .setInstructionId(instructionIds.incrementAndGet())
            .setKind(kind)
            .setRound(round)
            .setLocalEpochs(plan.localEpochs())
            .setBatchSize(plan.batchSize())
            .putAllConfig(plan.config())
            .setDeadlineMs(deadline())
            .setEvaluateFirst(evaluateFirst)
            .build();
    return new OutgoingInstruction(instruction, parameters, plan.chunkBytes());
  }

  private long deadline() {
    return System.currentTimeMillis() + plan.roundTimeout().toMillis();
  }
}
