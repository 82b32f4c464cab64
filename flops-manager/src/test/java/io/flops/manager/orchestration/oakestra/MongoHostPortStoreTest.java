package io.flops.manager.orchestration.oakestra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Host port allocations persist in MongoDB (here the embedded MongoDB-wire server). */
class MongoHostPortStoreTest {

  private MongoServer server;
  private MongoClient client;
  private MongoHostPortStore store;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    store = new MongoHostPortStore(new MongoTemplate(client, "flops"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown();
  }

  @Test
  void aPortIsClaimedOnceAndFoundByItsOwner() {
    assertThat(store.claim(30001, "observp1")).isTrue();
    assertThat(store.claim(30000, "observp1")).isTrue();
    assertThat(store.claim(30001, "observp2")).isFalse();

    assertThat(store.portsOf("observp1")).containsExactly(30000, 30001);
    assertThat(store.portsOf("observp2")).isEmpty();
  }

  @Test
  void allocationsSurviveANewStoreAndAreFreedOnRelease() {
    new HostPorts(store, 30000, 30999).allocate("observp1", List.of(2727));
    MongoHostPortStore reopened = new MongoHostPortStore(new MongoTemplate(client, "flops"));

    assertThat(new HostPorts(reopened, 30000, 30999).allocate("observp2", List.of(2727)))
        .containsEntry(2727, 30001);
    reopened.release("observp1");
    assertThat(store.portsOf("observp1")).isEmpty();
    assertThat(store.claim(30000, "observp3")).isTrue();
  }
}
