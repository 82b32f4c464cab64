package io.flops.dataserver.flight;

import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerTrust;
import io.flops.dataserver.store.DatasetStore;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A real data server (store + Flight endpoint on a free loopback port) for tests, serving TLS with
 * a certificate of the tests' {@link #AUTHORITY}, as the data servers the manager starts do.
 */
public final class RunningDataServer implements AutoCloseable {

  /** The authority every test data server's certificate is of. */
  public static final ParticipantAuthority AUTHORITY = ParticipantAuthority.inMemory();

  /** What clients of the test data servers trust. */
  public static final DataServerTrust TRUST = DataServerTrust.authority(AUTHORITY.certificatePem());

  private final BufferAllocator allocator = new RootAllocator();
  private final DatasetStore store;
  private final DataFlightServer server;

  public RunningDataServer(Path storageDir) {
    this(storageDir, DataAccess.OPEN);
  }

  /** A data server that admits callers as {@code access} says. */
  public RunningDataServer(Path storageDir, DataAccess access) {
    this(storageDir, access, AUTHORITY.issueDataServer());
  }

  /** A data server that admits callers as {@code access} says, over TLS as {@code tls} says. */
  public RunningDataServer(Path storageDir, DataAccess access, DataServerTlsLaunch tls) {
    store = DatasetStore.open(storageDir, allocator);
    server =
        DataFlightServer.start(
            store, allocator, "127.0.0.1", 0, Duration.ofSeconds(2), access, tls);
  }

  public String address() {
    return "127.0.0.1:" + server.port();
  }

  public int port() {
    return server.port();
  }

  public DatasetStore store() {
    return store;
  }

  /** A client trusting {@link #AUTHORITY}, without a token. */
  public DataServerClient client() {
    return client("");
  }

  /** A client trusting {@link #AUTHORITY} that sends {@code token}. */
  public DataServerClient client(String token) {
    return DataServerClient.connect(address(), token, TRUST);
  }

  /** A raw Arrow Flight client trusting {@link #AUTHORITY}. */
  public FlightClient flightClient(BufferAllocator allocator) {
    return TRUST.client(allocator, TRUST.location("127.0.0.1", port()));
  }

  @Override
  public void close() {
    server.close();
    allocator.close();
  }
}
