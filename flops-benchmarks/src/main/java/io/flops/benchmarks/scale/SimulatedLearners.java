package io.flops.benchmarks.scale;

import io.flops.common.fl.FlClient;
import io.flops.common.fl.FlClientSettings;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.common.fl.ParameterChunks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The learners' JVM of the scale benchmark ({@code scale-learners <compute-ms> <count>
 * <target>...}): {@code count} learners per target, each its own gRPC connection, "training" by
 * nudging every parameter and sleeping {@code compute-ms}. Exits when the aggregators finished.
 */
public final class SimulatedLearners {

  private SimulatedLearners() {}

  public static void main(String[] args) throws Exception {
    Duration compute = Duration.ofMillis(Long.parseLong(args[0]));
    int count = Integer.parseInt(args[1]);
    ScheduledExecutorService heartbeats = Executors.newScheduledThreadPool(2);
    ExecutorService threads = Executors.newCachedThreadPool();
    List<FlClient> clients = new ArrayList<>();
    List<Future<?>> runs = new ArrayList<>();
    for (int t = 2; t < args.length; t++) {
      for (int k = 1; k <= count; k++) {
        FlClient client = new FlClient(settings(args[t], "sim-" + (t - 1) + "-" + k), heartbeats);
        clients.add(client);
        runs.add(threads.submit(() -> client.run(new Nudge(compute))));
      }
    }
    for (Future<?> run : runs) {
      run.get();
    }
    clients.forEach(FlClient::close);
    System.exit(0);
  }

  private static FlClientSettings settings(String target, String name) {
    return new FlClientSettings(
        target,
        name,
        "scale",
        List.of(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(120),
        Duration.ofMillis(200),
        Duration.ofSeconds(2),
        ParameterChunks.DEFAULT_CHUNK_BYTES);
  }

  private record Nudge(Duration compute) implements InstructionHandler {
    @Override
    public FitAnswer fit(float[] parameters, Instruction instruction) throws InterruptedException {
      float[] result = parameters.clone();
      for (int i = 0; i < result.length; i++) {
        result[i] += 0.001f;
      }
      Thread.sleep(compute.toMillis());
      return new FitAnswer(result, 10, Map.of());
    }

    @Override
    public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) {
      return new EvaluateAnswer(1.0, 0.5, 10, Map.of());
    }
  }
}
