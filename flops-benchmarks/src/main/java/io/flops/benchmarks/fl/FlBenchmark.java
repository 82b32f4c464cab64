package io.flops.benchmarks.fl;

import io.flops.benchmarks.Options;
import io.flops.common.fl.ParameterChunks;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The FL benchmark command (not a test): prints aggregation throughput per strategy, the per-round
 * overhead with local learners, and parameter transfer speed next to raw gRPC byte streaming
 * measured in the same run (before and after, the better one counting), with their ratio. Options
 * (defaults in brackets): {@code --learners} [10], {@code --aggregation-parameters} [1,000,000],
 * {@code --model-parameters} [101,770], {@code --compute-ms} (each learner's local compute per
 * round) [500], {@code --rounds} [10], {@code --warmup-rounds} (without local compute, before the
 * overhead is measured) [200], {@code --transfer-parameters} [10,000,000], {@code
 * --transfer-passes} (pairs of raw gRPC and FL measurements, the median ratio counting) [5]. See
 * docs/training.md for how to run it.
 */
public final class FlBenchmark {

  private FlBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.of(args);
    int learners = options.intValue("--learners", 10);
    int rounds = options.intValue("--rounds", 10);
    int warmup = options.intValue("--warmup-rounds", 200);
    int model = options.intValue("--model-parameters", 101_770);
    Duration compute = Duration.ofMillis(options.value("--compute-ms", 500));
    PrintStream out = System.out;
    out.printf(
        "FLOps FL benchmark: java %s, %d cores, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    if (options.value("--aggregation", 1) != 0) {
      AggregationBenchmark.run(
          learners, options.intValue("--aggregation-parameters", 1_000_000), 10, out);
    }
    double idle = Double.NaN;
    double busy = Double.NaN;
    if (options.value("--overhead", 1) != 0) {
      idle = ProtocolBenchmarks.roundOverhead(learners, model, compute, false, rounds, warmup, out);
      busy = ProtocolBenchmarks.roundOverhead(learners, model, compute, true, rounds, warmup, out);
    }
    if (options.value("--transfer", 1) == 0) {
      System.exit(0);
    }
    int parameters = options.intValue("--transfer-parameters", 10_000_000);
    int passes = options.intValue("--transfer-passes", 5);
    int chunk = ParameterChunks.MAX_CHUNK_BYTES;
    long bytes = (long) parameters * Float.BYTES;
    double[] ratios = new double[passes];
    for (int pass = 0; pass < passes; pass++) {
      double raw = RawBytesStreaming.megabytesPerSecond(bytes, chunk, rounds);
      double protocol = ProtocolBenchmarks.transferMegabytesPerSecond(parameters, chunk, rounds);
      ratios[pass] = protocol / raw;
      out.printf(
          "Parameter transfer, %,d parameters (%.0f MB) each way, pass %d of %d: FL protocol %.0f"
              + " MB/s, raw gRPC bytes streaming %.0f MB/s just before (%.0f %%; each the best of"
              + " %d)%n",
          parameters, bytes / 1e6, pass + 1, passes, protocol, raw, 100 * ratios[pass], rounds);
    }
    Arrays.sort(ratios);
    double ratio = ratios[passes / 2];
    out.printf(
        "Summary: FL transfer / raw gRPC %.0f %% (median of %d passes; goal >= 80 %%); round"
            + " overhead (steady state) %.1f %% idle, %.1f %% CPU-bound (goal <= 5 %%)%n",
        100 * ratio, passes, idle, busy);
    System.exit(0);
  }
}
