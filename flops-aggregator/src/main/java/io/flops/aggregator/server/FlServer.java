package io.flops.aggregator.server;

import io.flops.common.fl.FederatedLearningGrpc;
import io.flops.common.fl.ParameterChunks;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The aggregator's gRPC endpoint: accepts learner streams into a {@link LearnerPool}, and every
 * heartbeat interval sends heartbeats and drops learners that stayed silent too long.
 */
public final class FlServer implements AutoCloseable {

  private final Server server;
  private final ScheduledExecutorService liveness;

  /**
   * Starts listening on {@code port} (0: any free port).
   *
   * @throws UncheckedIOException with the port when it cannot be bound
   */
  public FlServer(
      int port, LearnerPool pool, Duration heartbeatInterval, Duration livenessTimeout) {
    this.server =
        NettyServerBuilder.forAddress(new InetSocketAddress(port))
            .addService(new FlService(pool))
            .maxInboundMessageSize(2 * ParameterChunks.MAX_CHUNK_BYTES)
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen for learners on port " + port, e);
    }
    this.liveness =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "fl-liveness");
              thread.setDaemon(true);
              return thread;
            });
    long interval = heartbeatInterval.toMillis();
    liveness.scheduleAtFixedRate(
        () -> pool.checkLiveness(livenessTimeout), interval, interval, TimeUnit.MILLISECONDS);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    liveness.shutdownNow();
    server.shutdown();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static final class FlService extends FederatedLearningGrpc.FederatedLearningImplBase {
    private final LearnerPool pool;

    FlService(LearnerPool pool) {
      this.pool = pool;
    }

    @Override
    public StreamObserver<io.flops.common.fl.LearnerMessage> join(
        StreamObserver<io.flops.common.fl.AggregatorMessage> responses) {
      return new LearnerSession(pool, responses);
    }
  }
}
