package io.flops.aggregator.role;

import io.flops.aggregator.events.AggregatorEvents;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.strategy.Strategies;
import io.flops.aggregator.training.Evaluation;
import io.flops.aggregator.training.FederatedTraining;
import io.flops.aggregator.training.RoundObserver;
import io.flops.aggregator.training.RoundReport;
import io.flops.common.fl.Finished;
import io.flops.common.fl.FlClient;
import io.flops.common.fl.FlClientSettings;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.common.fl.InstructionKind;
import io.flops.common.fl.ParameterChunks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster aggregator of hierarchical FL: a learner to the root aggregator and an aggregator to
 * its cluster's learners. A fit from the root (one cycle) runs {@code rounds} rounds with the
 * cluster's learners starting from the root's parameters; an evaluate from the root is a real
 * example-weighted evaluation of the root's parameters on the cluster's learners. The learners stay
 * connected across cycles; when the root finishes, so do they.
 */
final class ClusterTraining implements InstructionHandler {

  private static final Logger log = LoggerFactory.getLogger(ClusterTraining.class);

  private final AggregatorSettings settings;
  private final LearnerPool pool;
  private final FederatedTraining training;
  private final AggregatorEvents events;

  ClusterTraining(AggregatorSettings settings, LearnerPool pool, AggregatorEvents events) {
    this.settings = settings;
    this.pool = pool;
    this.events = events;
    this.training =
        new FederatedTraining(
            pool,
            settings.plan(),
            Strategies.create(settings.strategy(), settings.strategySettings()));
  }

  /** Serves the root until it finishes; returns whether the training succeeded. */
  boolean run() throws InterruptedException {
    try (FlClient root = new FlClient(clientSettings())) {
      Finished finished = root.run(this);
      return finished.getSuccess();
    }
  }

  @Override
  public FitAnswer fit(float[] parameters, Instruction instruction) throws Exception {
    int rounds = settings.plan().rounds();
    int firstRound = (instruction.getRound() - 1) * rounds + 1;
    AtomicReference<RoundReport> last = new AtomicReference<>();
    log.info(
        "Cluster {} starts cycle {} (rounds {} to {})",
        settings.cluster(),
        instruction.getRound(),
        firstRound,
        firstRound + rounds - 1);
    float[] result =
        training.run(
            parameters,
            firstRound,
            rounds,
            new RoundObserver() {
              @Override
              public void roundFinished(RoundReport report, float[] p) {
                last.set(report);
                events.round(report);
              }

              @Override
              public void roundRepeated(int round, String reason, int retry) {
                events.roundRepeated(round, reason, retry);
              }
            });
    RoundReport report = last.get();
    return new FitAnswer(
        result,
        report.fitExamples(),
        Map.of("cluster_loss", report.loss(), "cluster_accuracy", report.accuracy()));
  }

  @Override
  public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) throws Exception {
    int cycle =
        instruction.getKind() == InstructionKind.FIT
            ? instruction.getRound() - 1
            : instruction.getRound();
    Evaluation evaluation = training.evaluate(parameters, cycle * settings.plan().rounds());
    return new EvaluateAnswer(
        evaluation.loss(), evaluation.accuracy(), evaluation.examples(), Map.of());
  }

  @Override
  public void finished(Finished finished) {
    pool.finishAll(finished.getSuccess(), finished.getMessage());
  }

  private FlClientSettings clientSettings() {
    return new FlClientSettings(
        settings.rootAddress(),
        settings.cluster(),
        settings.projectId(),
        List.of(),
        settings.heartbeatInterval(),
        settings.livenessTimeout(),
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        settings.plan().chunkBytes() > 0
            ? settings.plan().chunkBytes()
            : ParameterChunks.DEFAULT_CHUNK_BYTES,
        settings.access());
  }
}
