package io.flops.dataclient;

import io.flops.common.launch.DataServerTlsLaunch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.Location;
import org.apache.arrow.memory.BufferAllocator;

/**
 * How a client reaches data servers: over TLS, trusting the installation's authority and checking
 * that the server's certificate names {@link DataServerTlsLaunch#SERVER_NAME} whatever address it
 * dials, or in {@link #PLAINTEXT}.
 */
public final class DataServerTrust {

  /** No TLS (data servers started with {@code FLOPS_DATASERVER_PLAINTEXT=true}). */
  public static final DataServerTrust PLAINTEXT = new DataServerTrust("");

  private final String caPem;

  private DataServerTrust(String caPem) {
    this.caPem = caPem;
  }

  /** TLS to data servers with a certificate of the authority {@code caPem} (PEM). */
  public static DataServerTrust authority(String caPem) {
    if (caPem == null || caPem.isBlank()) {
      throw new IllegalArgumentException("A data server authority needs its certificate (PEM)");
    }
    return new DataServerTrust(caPem);
  }

  /** TLS trusting {@code caPem} when it is given, else plaintext. */
  public static DataServerTrust authorityOrPlaintext(String caPem) {
    return caPem == null || caPem.isBlank() ? PLAINTEXT : authority(caPem);
  }

  /** Whether calls go over TLS. */
  public boolean isTls() {
    return !caPem.isEmpty();
  }

  /** Where the data server at {@code host:port} is, with this trust's scheme. */
  public Location location(String host, int port) {
    return isTls() ? Location.forGrpcTls(host, port) : Location.forGrpcInsecure(host, port);
  }

  /** A Flight client of {@code location} that trusts as this says; close it when done. */
  public FlightClient client(BufferAllocator allocator, Location location) {
    FlightClient.Builder builder = FlightClient.builder(allocator, location);
    if (isTls()) {
      builder
          .useTls()
          .trustedCertificates(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)))
          .overrideHostname(DataServerTlsLaunch.SERVER_NAME);
    }
    return builder.build();
  }

  /** What to check when a data server cannot be reached this way. */
  String unreachableHint() {
    return isTls()
        ? "is it running, and serving TLS with a certificate of the authority this client trusts"
            + " that names "
            + DataServerTlsLaunch.SERVER_NAME
            + "?"
        : "is it running, and serving plaintext (FLOPS_DATASERVER_PLAINTEXT=true)?";
  }

  @Override
  public String toString() {
    return isTls() ? "DataServerTrust[tls]" : "DataServerTrust[plaintext]";
  }
}
