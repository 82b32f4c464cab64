package io.flops.manager.embedded;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.LifecycleProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default store: with no {@code spring.data.mongodb.uri}, an in-process MongoDB-wire
 * server (mongo-java-server with its H2 backend, {@link EmbeddedBackend}) persisted at {@code
 * <data-dir>/mongo.mv}, so projects survive a restart. Its health: {@link
 * io.flops.manager.config.StoreHealth}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.data.mongodb.uri:}'.isEmpty()")
public class EmbeddedMongoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

  @Bean(destroyMethod = "shutdownNow")
  MongoServer embeddedMongoServer(FlopsProperties properties) {
    Path file = properties.getDataDir().toAbsolutePath().normalize().resolve("mongo.mv");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data directory " + file.getParent(), e);
    }
    MongoServer server = new MongoServer(new EmbeddedBackend(MVStore.open(file.toString())));
    server.bind("127.0.0.1", 0);
    log.info("Embedded MongoDB-wire store at {} on {}", file, server.getLocalAddress());
    return server;
  }

  /**
   * Connections to the embedded store are opened at start-up, not under load: opening one is a
   * handshake with the store's event loop, which a busy manager answers late, and the driver opens
   * only two at a time by default (requests waited for them in the control-plane benchmark).
   */
  @Bean
  MongoClientSettingsBuilderCustomizer embeddedMongoPool(LifecycleProperties lifecycle) {
    int threads = lifecycle.getWorkerThreads() + lifecycle.getActionThreads();
    return settings ->
        settings.applyToConnectionPoolSettings(
            pool -> pool.minSize(Math.min(2 * threads, 100)).maxConnecting(8));
  }

  @Bean
  MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
    InetSocketAddress address = embeddedMongoServer.getLocalAddress();
    ConnectionString uri =
        new ConnectionString("mongodb://127.0.0.1:" + address.getPort() + "/flops");
    return () -> uri;
  }
}
