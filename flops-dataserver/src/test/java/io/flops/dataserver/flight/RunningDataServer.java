package io.flops.dataserver.flight;

import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerClient;
import io.flops.dataserver.store.DatasetStore;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** A real data server (store + Flight endpoint on a free loopback port) for tests. */
public final class RunningDataServer implements AutoCloseable {

  private final BufferAllocator allocator = new RootAllocator();
  private final DatasetStore store;
  private final DataFlightServer server;

  public RunningDataServer(Path storageDir) {
    this(storageDir, DataAccess.OPEN);
  }

  /** A data server that admits callers as {@code access} says. */
  public RunningDataServer(Path storageDir, DataAccess access) {
    store = DatasetStore.open(storageDir, allocator);
    server =
        DataFlightServer.start(store, allocator, "127.0.0.1", 0, Duration.ofSeconds(2), access);
  }

  public String address() {
    return "127.0.0.1:" + server.port();
  }

  public DatasetStore store() {
    return store;
  }

  public DataServerClient client() {
    return DataServerClient.connect(address());
  }

  /** A client that sends {@code token}. */
  public DataServerClient client(String token) {
    return DataServerClient.connect(address(), token);
  }

  @Override
  public void close() {
    server.close();
    allocator.close();
  }
}
