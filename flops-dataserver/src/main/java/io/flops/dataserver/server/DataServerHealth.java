package io.flops.dataserver.server;

import io.flops.dataserver.store.DatasetStore;
import java.nio.file.Files;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** UP while the Flight endpoint runs and the storage directory is writable. */
@Component("dataServer")
class DataServerHealth implements HealthIndicator {

  private final DataServerConfiguration.FlightEndpoint endpoint;
  private final DatasetStore store;

  DataServerHealth(DataServerConfiguration.FlightEndpoint endpoint, DatasetStore store) {
    this.endpoint = endpoint;
    this.store = store;
  }

  @Override
  public Health health() {
    boolean writable = Files.isWritable(store.directory());
    Health.Builder health = endpoint.isRunning() && writable ? Health.up() : Health.down();
    return health
        .withDetail("flightPort", endpoint.port())
        .withDetail("storageDir", store.directory().toString())
        .withDetail("storageWritable", writable)
        .withDetail("datasets", store.list(java.util.List.of()).size())
        .build();
  }
}
