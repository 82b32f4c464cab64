package io.flops.dataserver.server;

import io.flops.common.launch.DataServerLaunch;
import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.launch.LaunchEnvironment;
import io.flops.dataclient.DataAccess;
import io.flops.dataserver.flight.DataFlightServer;
import io.flops.dataserver.store.DatasetStore;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** Wires the store, the Arrow Flight endpoint (its access and TLS) and its lifecycle. */
@Configuration(proxyBeanMethods = false)
class DataServerConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DataServerConfiguration.class);

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

  /** Who may read, write and drop: the launch's tokens, or everyone when none are given. */
  @Bean
  DataAccess dataAccess(DataServerLaunch launch) {
    DataAccess access =
        DataAccess.of(launch.readerToken(), launch.writerToken(), launch.adminToken());
    if (access.isOpen()) {
      log.warn(
          "The data server is open to every caller: FLOPS_DATASERVER_READER_TOKEN,"
              + " FLOPS_DATASERVER_WRITER_TOKEN and FLOPS_DATASERVER_ADMIN_TOKEN are not set");
    }
    return access;
  }

  /**
   * The endpoint's TLS certificate, or plaintext when {@code FLOPS_DATASERVER_PLAINTEXT=true} says
   * so; neither stops the start with a sentence naming both.
   */
  @Bean
  DataServerTlsLaunch dataServerTls(ConfigurableEnvironment environment) {
    DataServerTlsLaunch tls =
        DataServerTlsLaunch.fromEnvironment(LaunchEnvironment.of(environment));
    if (!tls.isEnabled()) {
      log.warn(
          "The data server serves Arrow Flight in plaintext (FLOPS_DATASERVER_PLAINTEXT=true):"
              + " tokens and data cross the network unencrypted");
    }
    return tls;
  }

  @Bean
  FlightEndpoint flightEndpoint(
      DatasetStore store,
      BufferAllocator allocator,
      DataServerProperties properties,
      DataAccess access,
      DataServerTlsLaunch tls) {
    return new FlightEndpoint(store, allocator, properties, access, tls);
  }

  /** Starts the Flight server with the context and stops it before the allocator closes. */
  static final class FlightEndpoint implements SmartLifecycle {

    private final DatasetStore store;
    private final BufferAllocator allocator;
    private final DataServerProperties properties;
    private final DataAccess access;
    private final DataServerTlsLaunch tls;
    private volatile DataFlightServer server;

    FlightEndpoint(
        DatasetStore store,
        BufferAllocator allocator,
        DataServerProperties properties,
        DataAccess access,
        DataServerTlsLaunch tls) {
      this.store = store;
      this.allocator = allocator;
      this.properties = properties;
      this.access = access;
      this.tls = tls;
    }

    @Override
    public void start() {
      server =
          DataFlightServer.start(
              store,
              allocator,
              properties.host(),
              properties.port(),
              properties.shutdownGrace(),
              access,
              tls);
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
