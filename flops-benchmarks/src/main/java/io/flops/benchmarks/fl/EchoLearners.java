package io.flops.benchmarks.fl;

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
import java.util.concurrent.ScheduledExecutorService;

/**
 * Learners in this JVM that connect to a local aggregator over gRPC and "train" by spending a fixed
 * wall time of real arithmetic on the parameters they received (0: answer at once). They share one
 * heartbeat thread. {@link #fitStarted} and {@link #fitEnded} are the {@code System.nanoTime()} of
 * the last fit's start (all parameters received) and end (answer handed to the protocol).
 */
final class EchoLearners implements AutoCloseable {

  volatile long fitStarted;
  volatile long fitEnded;
  private volatile Duration compute;
  private final List<FlClient> clients = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

  /**
   * @param busy whether the learners compute on the CPU for {@code compute} (all sharing this
   *     machine's cores) or wait idle for it (isolating the protocol's own overhead)
   */
  EchoLearners(int count, String target, Duration compute, boolean busy) {
    this.compute = compute;
    for (int k = 1; k <= count; k++) {
      FlClient client =
          new FlClient(
              new FlClientSettings(
                  target,
                  "bench-" + k,
                  "bench",
                  List.of(),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(60),
                  Duration.ofMillis(100),
                  Duration.ofSeconds(1),
                  ParameterChunks.MAX_CHUNK_BYTES),
              heartbeats);
      clients.add(client);
      threads.execute(
          () -> {
            try {
              client.run(new Local(busy, this));
            } catch (InterruptedException | IllegalStateException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  EchoLearners(int count, int port, Duration compute, boolean busy) {
    this(count, "127.0.0.1:" + port, compute, busy);
  }

  /** Changes the local compute of the rounds to come. */
  void compute(Duration compute) {
    this.compute = compute;
  }

  @Override
  public void close() {
    clients.forEach(FlClient::close);
    threads.shutdownNow();
    heartbeats.shutdownNow();
  }

  private record Local(boolean busy, EchoLearners times) implements InstructionHandler {
    @Override
    public FitAnswer fit(float[] parameters, Instruction instruction) throws InterruptedException {
      Duration compute = times.compute;
      times.fitStarted = System.nanoTime();
      long until = System.nanoTime() + compute.toNanos();
      float[] result = compute.isZero() ? parameters : parameters.clone();
      if (!busy && !compute.isZero()) {
        Thread.sleep(compute.toMillis());
      }
      while (busy && System.nanoTime() < until) {
        for (int i = 0; i < result.length; i++) {
          result[i] = result[i] * 0.999f + 0.001f;
        }
      }
      times.fitEnded = System.nanoTime();
      return new FitAnswer(result, 100, Map.of());
    }

    @Override
    public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) {
      return new EvaluateAnswer(1.0, 0.5, 100, Map.of());
    }
  }
}
