package io.flops.benchmarks.fl;

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

  /** MB/s of a fit round trip (parameters to the learner and back) for one learner. */
  static double transferMegabytesPerSecond(int parameters, int repetitions) throws Exception {
    LearnerPool pool = new LearnerPool(Duration.ofSeconds(1));
    try (FlServer server = new FlServer(0, pool, Duration.ofSeconds(1), Duration.ofSeconds(30));
        EchoLearners learner = new EchoLearners(1, server.port(), Duration.ZERO, false)) {
      pool.awaitAtLeast(1, Duration.ofSeconds(30));
      LearnerSession session = pool.active().get(0);
      float[] values = new float[parameters];
      double best = 0;
      for (int r = 0; r < repetitions + 1; r++) {
        long started = System.nanoTime();
        Instruction instruction =
            Instruction.newBuilder()
                .setInstructionId(r + 1)
                .setKind(InstructionKind.FIT)
                .setRound(r + 1)
                .build();
        session
            .fit(new OutgoingInstruction(instruction, values, ParameterChunks.MAX_CHUNK_BYTES))
            .get();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (r > 0) {
          best = Math.max(best, 2.0 * parameters * Float.BYTES / 1e6 / seconds);
        }
      }
      pool.finishAll(true, "benchmark done");
      return best;
    }
  }

  /** Per-round overhead with {@code learners} local learners on a {@code parameters} model. */
  static void roundOverhead(
      int learners, int parameters, Duration compute, boolean busy, int rounds, PrintStream out)
      throws Exception {
    LearnerPool pool = new LearnerPool(Duration.ofSeconds(1));
    try (FlServer server = new FlServer(0, pool, Duration.ofSeconds(1), Duration.ofSeconds(30));
        EchoLearners local = new EchoLearners(learners, server.port(), compute, busy)) {
      TrainingPlan plan =
          new TrainingPlan(
              rounds + 1,
              learners,
              learners,
              learners,
              1,
              0,
              Duration.ofMinutes(5),
              Duration.ofMinutes(1),
              ParameterChunks.DEFAULT_CHUNK_BYTES,
              Map.of());
      List<RoundReport> reports = new ArrayList<>();
      new FederatedTraining(pool, plan, new FedAvg())
          .run(new float[parameters], 1, rounds + 1, (report, p) -> reports.add(report));
      pool.finishAll(true, "benchmark done");
      double wall = 0;
      double slowest = 0;
      for (RoundReport report : reports.subList(1, reports.size())) {
        wall += report.duration().toNanos() / 1e6;
        slowest += report.slowestFit().toMillis();
      }
      wall /= rounds;
      slowest /= rounds;
      out.printf(
          "Round overhead, %d local learners, %,d parameters, %d ms of %s local compute: round"
              + " %.1f ms, slowest learner %.1f ms, overhead %.1f ms (%.1f %% of the round)%n",
          learners,
          parameters,
          compute.toMillis(),
          busy ? "CPU-bound" : "idle",
          wall,
          slowest,
          wall - slowest,
          100 * (wall - slowest) / wall);
    }
  }
}
