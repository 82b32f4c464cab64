package io.flops.benchmarks.fl;

import io.flops.aggregator.server.FitReply;
import io.flops.aggregator.server.FlServer;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.server.LearnerSession;
import io.flops.aggregator.server.OutgoingInstruction;
import io.flops.aggregator.strategy.FedAvg;
import io.flops.aggregator.training.FederatedTraining;
import io.flops.aggregator.training.RoundReport;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionKind;
import io.flops.common.fl.ParameterChunks;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Benchmarks of the FL protocol over loopback gRPC: parameter transfer and round overhead. */
final class ProtocolBenchmarks {

  private ProtocolBenchmarks() {}

  /**
   * Best MB/s of moving parameters with the FL protocol, one learner, each way measured on its own
   * and averaged: aggregator → learner from encoding the instruction until the learner's fit starts
   * with all parameters decoded, learner → aggregator from the fit's answer until the aggregator
   * holds the decoded update. The learner's own compute is not transfer and is left out.
   */
  static double transferMegabytesPerSecond(int parameters, int chunkBytes, int repetitions)
      throws Exception {
    LearnerPool pool = new LearnerPool(Duration.ofSeconds(1));
    try (FlServer server = new FlServer(0, pool, Duration.ofSeconds(1), Duration.ofSeconds(60));
        EchoLearners learner = new EchoLearners(1, server.port(), Duration.ZERO, false)) {
      pool.awaitAtLeast(1, Duration.ofSeconds(30));
      LearnerSession session = pool.active().get(0);
      float[] values = new float[parameters];
      double best = 0;
      for (int r = 0; r < repetitions + 2; r++) {
        long started = System.nanoTime();
        Instruction instruction =
            Instruction.newBuilder()
                .setInstructionId(r + 1)
                .setKind(InstructionKind.FIT)
                .setRound(r + 1)
                .build();
        FitReply reply =
            session.fit(new OutgoingInstruction(instruction, values, chunkBytes)).get();
        long received = System.nanoTime();
        pool.release(reply);
        double seconds = ((learner.fitStarted - started) + (received - learner.fitEnded)) / 1e9;
        if (r > 1) {
          best = Math.max(best, 2.0 * parameters * Float.BYTES / 1e6 / seconds);
        }
      }
      pool.finishAll(true, "benchmark done");
      return best;
    }
  }

  /**
   * Per-round overhead with {@code learners} local learners on a {@code parameters} model, in
   * steady state: the wall time of {@code rounds} rounds (the final evaluation included) over the
   * slowest learner's local training per round, measured after {@code warmup} rounds without local
   * compute have let the JIT compile the protocol's paths (then two more at full compute). Printed
   * beside it: the same figure for a cold JVM (two warm-up rounds only), and the floor — the
   * round's bytes exchanged over raw gRPC with nothing around them ({@link RawRounds}).
   *
   * @return the steady-state overhead in percent of the round
   */
  static double roundOverhead(
      int learners,
      int parameters,
      Duration compute,
      boolean busy,
      int rounds,
      int warmup,
      PrintStream out)
      throws Exception {
    LearnerPool pool = new LearnerPool(Duration.ofSeconds(1));
    Measured cold;
    Measured steady;
    try (FlServer server = new FlServer(0, pool, Duration.ofSeconds(1), Duration.ofSeconds(60));
        EchoLearners local = new EchoLearners(learners, server.port(), compute, busy)) {
      TrainingPlan plan =
          new TrainingPlan(
              rounds,
              learners,
              learners,
              learners,
              1,
              0,
              Duration.ofMinutes(5),
              Duration.ofMinutes(1),
              2,
              ParameterChunks.DEFAULT_CHUNK_BYTES,
              Map.of());
      FederatedTraining training = new FederatedTraining(pool, plan, new FedAvg());
      float[] global = training.run(new float[parameters], 1, 2, (report, p) -> {});
      cold = Measured.rounds(training, global, 3, rounds);
      local.compute(Duration.ZERO);
      int next = 3 + rounds;
      global = training.run(cold.parameters(), next, warmup, (report, p) -> {});
      local.compute(compute);
      next += warmup;
      global = training.run(global, next, 2, (report, p) -> {});
      steady = Measured.rounds(training, global, next + 2, rounds);
      pool.finishAll(true, "benchmark done");
    }
    double floor =
        RawRounds.millisPerRound(learners, parameters * Float.BYTES, warmup, rounds * 10);
    out.printf(
        "Round overhead, %d local learners, %,d parameters, %d ms of %s local compute: round"
            + " %.1f ms (wall time of %d rounds / %d, after %d warm-up rounds), slowest learner"
            + " %.1f ms, overhead %.1f ms (%.1f %% of the round); floor: the same bytes to and from"
            + " every learner over raw gRPC %.1f ms per round (overhead / floor %.1f); cold JVM (2"
            + " warm-up rounds): overhead %.1f ms (%.1f %%)%n",
        learners,
        parameters,
        compute.toMillis(),
        busy ? "CPU-bound" : "idle",
        steady.wall(),
        rounds,
        rounds,
        warmup + 2,
        steady.slowest(),
        steady.overhead(),
        steady.share(),
        floor,
        steady.overhead() / floor,
        cold.overhead(),
        cold.share());
    return steady.share();
  }

  /** Rounds measured: mean wall time and mean slowest local training per round, in ms. */
  private record Measured(float[] parameters, double wall, double slowest) {

    static Measured rounds(FederatedTraining training, float[] start, int first, int count)
        throws Exception {
      List<RoundReport> reports = new ArrayList<>();
      long started = System.nanoTime();
      float[] result = training.run(start, first, count, (report, p) -> reports.add(report));
      double wall = (System.nanoTime() - started) / 1e6 / count;
      double slowest =
          reports.stream().mapToDouble(r -> r.slowestFit().toNanos() / 1e6).average().orElse(0);
      return new Measured(result, wall, slowest);
    }

    double overhead() {
      return wall - slowest;
    }

    double share() {
      return 100 * overhead() / wall;
    }
  }
}
