package io.flops.benchmarks.scale;

import io.flops.aggregator.role.AggregatorNode;
import io.flops.aggregator.role.AggregatorSettings;
import io.flops.aggregator.server.FlServer;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.server.UpdateMemory;
import io.flops.aggregator.strategy.FedAvg;
import io.flops.aggregator.strategy.OptimizerSettings;
import io.flops.aggregator.strategy.Strategies.StrategySettings;
import io.flops.aggregator.training.FederatedTraining;
import io.flops.aggregator.training.TrainingPlan;
import io.flops.benchmarks.Options;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.fl.FlAccess;
import io.flops.common.fl.ParameterChunks;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.sla.Strategy;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The scale benchmark command: one aggregator (this JVM) and N simulated learners (a second JVM,
 * one gRPC connection each) over loopback, for N = 10, 100, 1,000 and hierarchical clusters ×
 * learners; after one warm-up round (while the learners connect) prints per configuration the round
 * time, this JVM's peak heap, the most update bytes held at once, the bytes per round and the
 * aggregator JVM's peak thread count. Options: {@code --largest} [1000], {@code --clusters} [10],
 * {@code --cluster-learners} [100], {@code --model-parameters} [10,000], {@code --rounds} [3],
 * {@code --compute-ms} [10]. See docs/training.md.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.of(args);
    int largest = options.intValue("--largest", 1000);
    int clusters = options.intValue("--clusters", 10);
    int perCluster = options.intValue("--cluster-learners", 100);
    int parameters = options.intValue("--model-parameters", 10_000);
    int rounds = options.intValue("--rounds", 3);
    long compute = options.value("--compute-ms", 10);
    PrintStream out = System.out;
    out.printf(
        "FLOps scale benchmark: %,d parameters (%,d bytes), %d rounds, %d ms local compute,"
            + " %d cores, aggregator max heap %d MiB%n",
        parameters,
        parameters * 4L,
        rounds,
        compute,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    out.println(
        "| learners | round time | aggregator peak heap | update memory peak | bytes per round"
            + " (wire, all aggregators) | aggregator JVM peak threads |");
    out.println("|---|---|---|---|---|---|");
    for (int n = 10; n <= largest; n *= 10) {
      row(out, n + " (one aggregator)", flat(n, parameters, rounds, compute));
    }
    row(
        out,
        clusters + " x " + perCluster + " (hierarchical)",
        hierarchical(clusters, perCluster, parameters, rounds, compute));
    System.exit(0);
  }

  private record Result(
      double roundMillis, long heapMib, long updateBytes, long bytes, int threads) {}

  private static void row(PrintStream out, String learners, Result r) {
    out.printf(
        "| %s | %.0f ms | %,d MiB | %,.1f MB | %,.1f MB | %d |%n",
        learners,
        r.roundMillis(),
        r.heapMib(),
        r.updateBytes() / 1e6,
        r.bytes() / 1e6,
        r.threads());
  }

  private static Result flat(int learners, int parameters, int rounds, long compute)
      throws Exception {
    System.gc();
    LearnerPool pool = new LearnerPool(Duration.ofSeconds(5));
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    try (FlServer server = new FlServer(0, pool, Duration.ofSeconds(5), Duration.ofSeconds(120));
        LearnerProcess child = LearnerProcess.start(compute, learners, List.of(server.port()));
        HeapSampler heap = new HeapSampler()) {
      FederatedTraining training = new FederatedTraining(pool, plan(learners), new FedAvg());
      float[] warm = training.run(new float[parameters], 1, 1, (report, p) -> {});
      long bytesBefore = server.wireBytes();
      long started = System.nanoTime();
      training.run(warm, 2, rounds, (report, p) -> {});
      double millis = (System.nanoTime() - started) / 1e6 / rounds;
      pool.finishAll(true, "benchmark done");
      child.awaitExit();
      return new Result(
          millis,
          heap.peakMebibytes(),
          pool.memory().peak(),
          (server.wireBytes() - bytesBefore) / rounds,
          ManagementFactory.getThreadMXBean().getPeakThreadCount());
    }
  }

  private static Result hierarchical(
      int clusters, int perCluster, int parameters, int rounds, long compute) throws Exception {
    System.gc();
    LearnerPool root = new LearnerPool(Duration.ofSeconds(5));
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    ExecutorService threads = Executors.newCachedThreadPool();
    List<AggregatorNode> nodes = new ArrayList<>();
    try (FlServer server = new FlServer(0, root, Duration.ofSeconds(5), Duration.ofSeconds(120))) {
      List<Integer> ports = new ArrayList<>();
      for (int c = 0; c < clusters; c++) {
        AggregatorNode node =
            new AggregatorNode(
                cluster("c" + c, perCluster, "127.0.0.1:" + server.port()),
                new Silent(),
                Optional::empty,
                () -> {
                  throw new IllegalStateException("a cluster needs no model");
                });
        nodes.add(node);
        ports.add(node.port());
        threads.submit(node::run);
      }
      try (LearnerProcess child = LearnerProcess.start(compute, perCluster, ports);
          HeapSampler heap = new HeapSampler()) {
        FederatedTraining training = new FederatedTraining(root, plan(clusters), new FedAvg());
        float[] warm = training.run(new float[parameters], 1, 1, (report, p) -> {});
        long bytesBefore = wireBytes(server, nodes);
        long started = System.nanoTime();
        training.run(warm, 2, rounds, (report, p) -> {});
        double millis = (System.nanoTime() - started) / 1e6 / rounds;
        root.finishAll(true, "benchmark done");
        child.awaitExit();
        long bytesPerRound = (wireBytes(server, nodes) - bytesBefore) / rounds;
        return new Result(
            millis,
            heap.peakMebibytes(),
            root.memory().peak(),
            bytesPerRound,
            ManagementFactory.getThreadMXBean().getPeakThreadCount());
      }
    } finally {
      nodes.forEach(AggregatorNode::close);
      threads.shutdownNow();
      threads.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static long wireBytes(FlServer root, List<AggregatorNode> clusters) {
    return root.wireBytes() + clusters.stream().mapToLong(AggregatorNode::wireBytes).sum();
  }

  private static TrainingPlan plan(int learners) {
    return new TrainingPlan(
        1,
        learners,
        learners,
        learners,
        1,
        0,
        Duration.ofMinutes(10),
        Duration.ofMinutes(5),
        2,
        ParameterChunks.DEFAULT_CHUNK_BYTES,
        Map.of());
  }

  private static AggregatorSettings cluster(String name, int learners, String root) {
    return new AggregatorSettings(
        "scale",
        Role.CLUSTER,
        plan(learners),
        Strategy.FEDAVG,
        new StrategySettings(new OptimizerSettings(0.1f, 0.9f, 0.99f, 0.001f), 0.2, 0),
        0,
        Duration.ofSeconds(5),
        Duration.ofSeconds(120),
        name,
        root,
        "",
        "",
        "",
        List.of(),
        UpdateMemory.DEFAULT_CAPACITY,
        Optional.<Path>empty(),
        "127.0.0.1",
        FlAccess.OPEN);
  }

  /** Events go nowhere: the benchmark prints its own figures. */
  private static final class Silent implements EventPublisher {
    @Override
    public void publish(ComponentEvent event) {}

    @Override
    public void publish(String projectId, ObserverEvent event) {}
  }
}
