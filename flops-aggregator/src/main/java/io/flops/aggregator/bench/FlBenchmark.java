package io.flops.aggregator.bench;

import java.io.PrintStream;
import java.time.Duration;

/**
 * The FL benchmark command (not a test): prints aggregation throughput per strategy, the per-round
 * overhead with local learners, and parameter transfer speed next to raw gRPC byte streaming. The
 * optional argument is the learners' local compute per round in milliseconds (default 500). See
 * docs/training.md for how to run it.
 */
public final class FlBenchmark {

  private FlBenchmark() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    out.printf(
        "FLOps FL benchmark: java %s, %d cores, max heap %d MiB%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    AggregationBenchmark.run(10, 1_000_000, 10, out);
    Duration compute = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 500);
    ProtocolBenchmarks.roundOverhead(10, 101_770, compute, false, 5, out);
    ProtocolBenchmarks.roundOverhead(10, 101_770, compute, true, 5, out);
    int parameters = 10_000_000;
    double protocol = ProtocolBenchmarks.transferMegabytesPerSecond(parameters, 5);
    double raw = RawBytesStreaming.megabytesPerSecond((long) parameters * Float.BYTES, 4 << 20, 5);
    out.printf(
        "Parameter transfer, %,d parameters (%.0f MB) each way: FL protocol %.0f MB/s,"
            + " raw gRPC bytes streaming %.0f MB/s (%.0f %%)%n",
        parameters, parameters * 4 / 1e6, protocol, raw, 100 * protocol / raw);
    System.exit(0);
  }
}
