package io.flops.dataserver.server;

import io.flops.common.launch.DataServerLaunch;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.dataserver.flight.DataFlightServer;
import io.flops.dataserver.store.DatasetStore;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Wires the store, the Arrow Flight endpoint and its lifecycle. */
@Configuration(proxyBeanMethods = false)
class DataServerConfiguration {

  @Bean(destroyMethod = "close")
  BufferAllocator dataServerAllocator() {
    return new RootAllocator();
  }

  /** Where the orchestrator told this data server to keep its data (docs/services.md). */
  @Bean
  DataServerLaunch dataServerLaunch(ConfigurableEnvironment environment) {
    return DataServerLaunch.fromEnvironment(LaunchEnvironment.of(environment));
  }

  @Bean
  DatasetStore datasetStore(DataServerLaunch launch, BufferAllocator allocator) {
    return DatasetStore.open(launch.storageDir(), allocator);
  }

  @Bean
  FlightEndpoint flightEndpoint(
      DatasetStore store, BufferAllocator allocator, DataServerProperties properties) {
    return new FlightEndpoint(store, allocator, properties);
  }

  /** Starts the Flight server with the context and stops it before the allocator closes. */
  static final class FlightEndpoint implements SmartLifecycle {

    private final DatasetStore store;
    private final BufferAllocator allocator;
    private final DataServerProperties properties;
    private volatile DataFlightServer server;

    FlightEndpoint(DatasetStore store, BufferAllocator allocator, DataServerProperties properties) {
      this.store = store;
      this.allocator = allocator;
      this.properties = properties;
    }

    @Override
    public void start() {
      server =
          DataFlightServer.start(
              store, allocator, properties.host(), properties.port(), properties.shutdownGrace());
    }

    @Override
    public void stop() {
      DataFlightServer running = server;
      server = null;
      if (running != null) {
        running.close();
      }
    }

    @Override
    public boolean isRunning() {
      return server != null;
    }

    /** The bound port, or -1 when not running. */
    int port() {
      DataFlightServer running = server;
      return running == null ? -1 : running.port();
    }
  }
}
