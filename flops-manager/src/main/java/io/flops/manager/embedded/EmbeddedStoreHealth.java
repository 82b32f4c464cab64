package io.flops.manager.embedded;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The health of the embedded store: it answers {@code ping}. (Spring Boot's own Mongo indicator
 * asks {@code hello}, which the embedded server does not know, so it would report DOWN.)
 */
class EmbeddedStoreHealth extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  EmbeddedStoreHealth(MongoTemplate mongo) {
    super("The embedded store does not answer");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = mongo.executeCommand(new Document("ping", 1));
    builder.up().withDetail("store", "embedded").withDetail("ok", answer.get("ok"));
  }
}
