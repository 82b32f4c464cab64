package io.flops.dataserver.flight;

import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.dataclient.DataAccess;
import io.flops.dataserver.store.DatasetStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
   * every caller in plaintext (tests and benchmarks).
   *
   * @throws UncheckedIOException naming the address when it cannot be bound
   */
  public static DataFlightServer start(
      DatasetStore store,
      BufferAllocator allocator,
      String host,
      int port,
      Duration shutdownGrace) {
    return start(
        store,
        allocator,
        host,
        port,
        shutdownGrace,
        DataAccess.OPEN,
        DataServerTlsLaunch.PLAINTEXT);
  }

  /**
   * Starts the endpoint, admitting callers as {@code access} says, over TLS with {@code tls}'s
   * certificate (or plaintext when it has none).
   *
   * @throws UncheckedIOException naming the address when it cannot be bound, or when the
   *     certificate or key cannot be read
   */
  public static DataFlightServer start(
      DatasetStore store,
      BufferAllocator allocator,
      String host,
      int port,
      Duration shutdownGrace,
      DataAccess access,
      DataServerTlsLaunch tls) {
    try {
      FlightServer.Builder builder =
          FlightServer.builder(
                  allocator,
                  tls.isEnabled()
                      ? Location.forGrpcTls(host, port)
                      : Location.forGrpcInsecure(host, port),
                  new DataServerProducer(store, allocator))
              .headerAuthenticator(access.authenticator());
      if (tls.isEnabled()) {
        builder.useTls(pem(tls.certificatePem()), pem(tls.privateKeyPem()));
      }
      FlightServer server = builder.build();
      server.start();
      return new DataFlightServer(server, shutdownGrace);
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
  }

  private static InputStream pem(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
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
