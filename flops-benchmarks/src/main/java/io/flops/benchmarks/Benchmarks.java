package io.flops.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.flops.benchmarks.build.BuildBenchmark;
import io.flops.benchmarks.control.ControlPlaneBenchmark;
import io.flops.benchmarks.fl.FlBenchmark;
import io.flops.benchmarks.scale.ScaleBenchmark;
import io.flops.benchmarks.scale.SimulatedLearners;
import io.flops.benchmarks.transfer.TransferBenchmark;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * The benchmark commands: {@code fl} (aggregation, round overhead and parameter transfer of the FL
 * protocol; docs/training.md), {@code scale} (rounds with 10 to 1,000 learners and hierarchical
 * clusters; docs/training.md; its learners run in a second JVM started as {@code scale-learners}),
 * {@code transfer} (the data server's Arrow Flight against raw gRPC; docs/data.md) and {@code
 * build} (cold and warm image builds; docs/builder.md) and {@code control} (one manager carrying
 * 1,000 projects on the simulated orchestrator; docs/operations.md). The first argument names the
 * benchmark; the rest are its own. Logs below WARN are left out of the figures.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    String name = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (name) {
      case "fl" -> FlBenchmark.main(rest);
      case "scale" -> ScaleBenchmark.main(rest);
      case "scale-learners" -> SimulatedLearners.main(rest);
      case "transfer" -> TransferBenchmark.main(rest);
      case "build" -> BuildBenchmark.main(rest);
      case "control" -> ControlPlaneBenchmark.main(rest);
      default -> {
        System.err.println(
            "Usage: java -jar flops-benchmarks-<version>-exec.jar fl|transfer|build|scale|control"
                + " [options]"
                + " (see docs/training.md, docs/data.md, docs/builder.md)");
        System.exit(2);
      }
    }
  }
}
