package io.flops.dataserver.flight;

import io.flops.dataclient.DataAccess;
import io.flops.dataserver.store.DatasetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.flight.FlightServer;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/** The data server's Arrow Flight endpoint over a store; usable without Spring. */
public final class DataFlightServer implements AutoCloseable {

  private final FlightServer server;
  private final Duration shutdownGrace;

  private DataFlightServer(FlightServer server, Duration shutdownGrace) {
    this.server = server;
    this.shutdownGrace = shutdownGrace;
  }

  /**
   * Starts serving {@code store} on {@code host:port} (port 0: a free port, see {@link #port()}) to
   * every caller (tests and benchmarks).
   *
   * @throws UncheckedIOException naming the address when it cannot be bound
   */
  public static DataFlightServer start(
      DatasetStore store,
      BufferAllocator allocator,
      String host,
      int port,
      Duration shutdownGrace) {
    return start(store, allocator, host, port, shutdownGrace, DataAccess.OPEN);
  }

  /** Starts the endpoint, admitting callers as {@code access} says. */
  public static DataFlightServer start(
      DatasetStore store,
      BufferAllocator allocator,
      String host,
      int port,
      Duration shutdownGrace,
      DataAccess access) {
    FlightServer server =
        FlightServer.builder(
                allocator,
                Location.forGrpcInsecure(host, port),
                new DataServerProducer(store, allocator))
            .headerAuthenticator(access.authenticator())
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the data server's Arrow Flight endpoint on "
              + host
              + ":"
              + port
              + ": "
              + e.getMessage(),
          e);
    }
    return new DataFlightServer(server, shutdownGrace);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        server.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
