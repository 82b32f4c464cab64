package io.flops.manager.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's unique indexes compare keys value by value ({@link IndexKeyType}) and keep
 * working on a store whose indexes were written in H2's serialized-key order.
 */
class IndexKeyTypeTest {

  @TempDir Path dir;

  @Test
  void aStoreWrittenWithSerializedKeysIsReadAndWrittenAfterItsIndexesAreReSorted() {
    Path file = dir.resolve("mongo.mv");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add(UUID.randomUUID().toString().substring(0, 1 + i % 12) + i);
    }
    serve(
        file,
        H2Backend::new,
        projects -> {
          projects.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
          for (String id : ids) {
            projects.insertOne(
                new Document("_id", id).append("name", "n-" + id).append("version", 1L));
          }
        });

    serve(
        file,
        EmbeddedBackend::new,
        projects -> {
          for (String id : ids) {
            assertThat(projects.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
            assertThat(projects.find(Filters.eq("name", "n-" + id)).first()).as(id).isNotNull();
          }
          String some = ids.get(17);
          assertThat(
                  projects
                      .updateOne(
                          Filters.and(Filters.eq("_id", some), Filters.eq("version", 1L)),
                          Updates.set("version", 2L))
                      .getMatchedCount())
              .isEqualTo(1);
          assertThatThrownBy(() -> projects.insertOne(new Document("_id", some)))
              .isInstanceOf(MongoWriteException.class)
              .hasMessageContaining("duplicate key");
          assertThatThrownBy(
                  () -> projects.insertOne(new Document("_id", "new").append("name", "n-" + some)))
              .isInstanceOf(MongoWriteException.class)
              .hasMessageContaining("duplicate key");
          projects.insertOne(new Document("_id", "new").append("name", "n-new"));
        });

    serve(
        file,
        EmbeddedBackend::new,
        projects -> {
          assertThat(projects.countDocuments()).isEqualTo(ids.size() + 1);
          assertThat(projects.find(Filters.eq("_id", "new")).first()).isNotNull();
          assertThat(projects.find(Filters.eq("_id", ids.get(17))).first())
              .extracting(d -> d.get("version"))
              .isEqualTo(2L);
        });
    try (MVStore store = MVStore.open(file.toString())) {
      assertThat(store.getMapNames())
          .filteredOn(name -> name.contains("._index_"))
          .isNotEmpty()
          .allSatisfy(
              name ->
                  assertThat(IndexKeyType.open(store, name).getKeyType())
                      .isInstanceOf(IndexKeyType.class));
    }
  }

  @Test
  void theSameKeysAreDuplicatesAsWithSerializedKeys() {
    List<Object> ids = List.of(1, 1L, 1.0, 2.5, "1", "a", true, false, 0, -0.0, "A");
    assertThat(accepted(dir.resolve("value.mv"), EmbeddedBackend::new, ids))
        .isEqualTo(accepted(dir.resolve("serialized.mv"), H2Backend::new, ids))
        .contains("1", "a", "A", true, false);
  }

  /** The ids of {@code ids} a store accepts, inserted in order (each twice). */
  private static List<Object> accepted(
      Path file, Function<MVStore, MongoBackend> backend, List<Object> ids) {
    List<Object> accepted = new ArrayList<>();
    serve(
        file,
        backend,
        projects -> {
          for (Object id : ids) {
            for (int attempt = 0; attempt < 2; attempt++) {
              try {
                projects.insertOne(new Document("_id", id));
                accepted.add(id);
              } catch (MongoWriteException duplicate) {
                // refused as a duplicate key
              }
            }
          }
        });
    return accepted;
  }

  private static void serve(
      Path file,
      Function<MVStore, MongoBackend> backend,
      Consumer<MongoCollection<Document>> work) {
    MVStore store = MVStore.open(file.toString());
    MongoServer server = new MongoServer(backend.apply(store));
    InetSocketAddress address = server.bind();
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
      work.accept(client.getDatabase("flops").getCollection("projects"));
    } finally {
      server.shutdownNow();
      store.close();
    }
  }
}
