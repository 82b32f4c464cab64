package io.flops.manager.config;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The health of the manager's store, embedded or external: it answers {@code ping}, which MongoDB
 * and every MongoDB-wire server know. It replaces Spring Boot's Mongo indicator (bean {@code
 * mongoHealthIndicator}), which asks {@code hello}: mongo-java-server (the embedded store, and the
 * compose suite's stand-in) does not know it, so the manager would report DOWN with a store that
 * works.
 */
@Component("mongoHealthIndicator")
public class StoreHealth extends AbstractHealthIndicator {

  private final MongoTemplate mongo;
  private final String store;

  public StoreHealth(
      MongoTemplate mongo, @Value("${spring.data.mongodb.uri:}") String configuredUri) {
    super("The store does not answer");
    this.mongo = mongo;
    this.store = configuredUri.isBlank() ? "embedded" : "external";
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    builder.up().withDetail("store", store).withDetail("ok", answer.get("ok"));
  }
}
