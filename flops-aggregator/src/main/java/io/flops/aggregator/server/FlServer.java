package io.flops.aggregator.server;

import io.flops.common.fl.FlAccess;
import io.flops.common.fl.FlWire;
import io.flops.common.fl.ParameterChunks;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerStreamTracer;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's gRPC endpoint: accepts learner streams into a {@link LearnerPool}, and every
 * heartbeat interval sends heartbeats and drops learners that stayed silent too long.
 *
 * <p>Threads are bounded whatever the number of learners: gRPC's Netty event loops (shared, two per
 * core) read and write the sockets; {@link #CALL_THREADS} threads run all streams' callbacks, which
 * never block (parsing a message, copying a chunk into place, completing a future), so reading the
 * next bytes off a socket overlaps with decoding the last ones; add one liveness thread, one {@link
 * UpdateMemory} thread and one for learner events.
 */
public final class FlServer implements AutoCloseable {

  /** The threads that run the learners' stream callbacks, whatever the number of learners. */
  public static final int CALL_THREADS =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  private static final Logger log = LoggerFactory.getLogger(FlServer.class);

  private final LongAdder wireBytes = new LongAdder();
  private final ExecutorService calls;
  private final Server server;
  private final ScheduledExecutorService liveness;

  /** Starts listening on {@code port} of every interface, admitting every learner (tests). */
  public FlServer(
      int port, LearnerPool pool, Duration heartbeatInterval, Duration livenessTimeout) {
    this(new InetSocketAddress(port), pool, heartbeatInterval, livenessTimeout, FlAccess.OPEN);
  }

  /**
   * Starts listening on {@code address} (port 0: any free port), admitting only learners that
   * {@code access} lets in.
   *
   * @throws UncheckedIOException with the port when it cannot be bound
   */
  public FlServer(
      InetSocketAddress address,
      LearnerPool pool,
      Duration heartbeatInterval,
      Duration livenessTimeout,
      FlAccess access) {
    this.calls = Executors.newFixedThreadPool(CALL_THREADS, daemons("fl-calls-"));
    this.server =
        NettyServerBuilder.forAddress(address, access.serverCredentials())
            .addService(FlWire.service(responses -> new LearnerSession(pool, responses)))
            .intercept(access.serverInterceptor())
            .executor(calls)
            .addStreamTracerFactory(new WireBytes(wireBytes))
            .maxInboundMessageSize(2 * ParameterChunks.MAX_CHUNK_BYTES)
            .permitKeepAliveTime(1, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      calls.shutdownNow();
      throw new UncheckedIOException("Cannot listen for learners on " + address, e);
    }
    log.info("Listening for learners on {}:{} ({})", address.getHostString(), port(), access);
    this.liveness = Executors.newSingleThreadScheduledExecutor(daemons("fl-liveness-"));
    long interval = heartbeatInterval.toMillis();
    liveness.scheduleAtFixedRate(
        () -> pool.checkLiveness(livenessTimeout), interval, interval, TimeUnit.MILLISECONDS);
  }

  /** The bytes received from and sent to learners so far (gRPC messages on the wire). */
  public long wireBytes() {
    return wireBytes.sum();
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
    calls.shutdownNow();
  }

  private static final class WireBytes extends ServerStreamTracer.Factory {
    private final LongAdder total;

    WireBytes(LongAdder total) {
      this.total = total;
    }

    @Override
    public ServerStreamTracer newServerStreamTracer(String method, Metadata headers) {
      return new ServerStreamTracer() {
        @Override
        public void outboundWireSize(long bytes) {
          total.add(bytes);
        }

        @Override
        public void inboundWireSize(long bytes) {
          total.add(bytes);
        }
      };
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
