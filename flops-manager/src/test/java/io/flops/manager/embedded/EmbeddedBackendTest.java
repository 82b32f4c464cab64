package io.flops.manager.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded store answers versioned saves (a query on the id and more) like MongoDB. */
class EmbeddedBackendTest {

  private MongoServer server;
  private MongoClient client;
  private MongoCollection<Document> projects;

  @BeforeEach
  void start() {
    server = new MongoServer(new EmbeddedBackend(MVStore.open(null)));
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    projects = client.getDatabase("flops").getCollection("projects");
    for (int i = 0; i < 3; i++) {
      projects.insertOne(new Document("_id", "p" + i).append("version", 1L).append("state", "A"));
    }
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdownNow();
  }

  @Test
  void aSaveWithTheCurrentVersionChangesOnlyThatProject() {
    long matched =
        projects
            .updateOne(
                Filters.and(Filters.eq("_id", "p1"), Filters.eq("version", 1L)),
                Updates.combine(Updates.set("state", "B"), Updates.set("version", 2L)))
            .getMatchedCount();

    assertThat(matched).isEqualTo(1);
    assertThat(states()).containsExactly("A", "B", "A");
  }

  @Test
  void aSaveWithAStaleVersionChangesNothing() {
    long matched =
        projects
            .replaceOne(
                Filters.and(Filters.eq("_id", "p1"), Filters.eq("version", 0L)),
                new Document("_id", "p1").append("version", 1L).append("state", "B"))
            .getMatchedCount();

    assertThat(matched).isZero();
    assertThat(states()).containsExactly("A", "A", "A");
  }

  @Test
  void queriesOnTheIdAndOtherFieldsFindWhatMatchesBoth() {
    assertThat(projects.find(Filters.and(Filters.eq("_id", "p2"), Filters.eq("state", "A"))))
        .hasSize(1);
    assertThat(projects.find(Filters.and(Filters.eq("_id", "p2"), Filters.eq("state", "B"))))
        .isEmpty();
    assertThat(projects.find(Filters.and(Filters.in("_id", "p0", "p2"), Filters.eq("state", "A"))))
        .hasSize(2);
    assertThat(projects.find(Filters.eq("_id", "p9"))).isEmpty();
  }

  private List<String> states() {
    return projects
        .find()
        .sort(new Document("_id", 1))
        .map(d -> d.getString("state"))
        .into(new java.util.ArrayList<>());
  }
}
