package io.flops.benchmarks.fl;

import io.flops.aggregator.strategy.Aggregation;
import io.flops.aggregator.strategy.ClientUpdate;
import io.flops.aggregator.strategy.FedAvg;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies;
import io.flops.aggregator.strategy.Strategy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Aggregation throughput per strategy: GB/s of learner updates aggregated. */
final class AggregationBenchmark {

  private AggregationBenchmark() {}

  static void run(int learners, int parameters, int repetitions, PrintStream out) {
    SplittableRandom random = new SplittableRandom(1);
    float[] global = new float[parameters];
    List<ClientUpdate> updates = new ArrayList<>();
    for (int k = 0; k < learners; k++) {
      float[] values = new float[parameters];
      for (int i = 0; i < parameters; i++) {
        values[i] = (float) random.nextGaussian();
      }
      updates.add(new ClientUpdate(values, 100 + k));
    }
    double gigabytes = (double) learners * parameters * Float.BYTES / 1e9;
    out.printf(
        "Aggregation of %d learners x %,d parameters (%.2f GB per round)%n",
        learners, parameters, gigabytes);
    Strategies.StrategySettings settings =
        new Strategies.StrategySettings(new OptimizerSettings(0.01f, 0.9f, 0.99f, 0.001f), 0.2, 1);
    for (io.flops.common.sla.Strategy name : io.flops.common.sla.Strategy.values()) {
      Strategy strategy = Strategies.create(name, settings);
      for (int warmup = 0; warmup < 3; warmup++) {
        strategy.aggregate(global, updates);
      }
      long best = Long.MAX_VALUE;
      long total = 0;
      for (int r = 0; r < repetitions; r++) {
        long started = System.nanoTime();
        strategy.aggregate(global, updates);
        long elapsed = System.nanoTime() - started;
        best = Math.min(best, elapsed);
        total += elapsed;
      }
      out.printf(
          "  %-12s %6.2f GB/s (mean %6.1f ms, best %6.1f ms)%n",
          name.jsonName(),
          gigabytes / (total / (double) repetitions / 1e9),
          total / repetitions / 1e6,
          best / 1e6);
    }
    streamed(global, updates, gigabytes, repetitions, out);
  }

  /** FedAvg as a round runs it: each update folded in on its own, as it arrives. */
  private static void streamed(
      float[] global,
      List<ClientUpdate> updates,
      double gigabytes,
      int repetitions,
      PrintStream out) {
    long total = 0;
    for (int r = 0; r < repetitions + 3; r++) {
      long started = System.nanoTime();
      Aggregation round = new FedAvg().begin(global, updates.size());
      updates.forEach(round::add);
      round.result();
      if (r >= 3) {
        total += System.nanoTime() - started;
      }
    }
    out.printf(
        "  %-12s %6.2f GB/s (mean %6.1f ms; each update folded in as it arrives)%n",
        "fedavg, streamed",
        gigabytes / (total / (double) repetitions / 1e9),
        total / repetitions / 1e6);
  }
}
