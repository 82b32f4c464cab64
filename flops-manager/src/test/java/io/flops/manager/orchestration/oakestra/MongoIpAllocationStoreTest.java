package io.flops.manager.orchestration.oakestra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Round-robin IP allocations persist in MongoDB (here the embedded MongoDB-wire server). */
class MongoIpAllocationStoreTest {

  private MongoServer server;
  private MongoClient client;
  private MongoIpAllocationStore store;

  @BeforeEach
  void start() {
    server = new MongoServer(new MemoryBackend());
    client = MongoClients.create(server.bindAndGetConnectionString());
    store = new MongoIpAllocationStore(new MongoTemplate(client, "flops"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.shutdown();
  }

  @Test
  void anIpIsClaimedOnceAndFoundByItsOwner() {
    assertThat(store.claim("10.30.1.2", "aggr1")).isTrue();
    assertThat(store.claim("10.30.1.2", "observ1")).isFalse();

    assertThat(store.ipOf("aggr1")).contains("10.30.1.2");
    assertThat(store.ipOf("observ1")).isEmpty();
  }

  @Test
  void releasedIpCanBeClaimedAgainAndAllocationsSurviveANewStore() {
    RoundRobinIps ips = new RoundRobinIps(store);
    String aggregator = ips.allocate("aggr1");
    MongoIpAllocationStore reopened =
        new MongoIpAllocationStore(new MongoTemplate(client, "flops"));

    assertThat(new RoundRobinIps(reopened).allocate("aggr1")).isEqualTo(aggregator);
    reopened.release("aggr1");
    assertThat(store.ipOf("aggr1")).isEmpty();
    assertThat(store.claim(aggregator, "other")).isTrue();
  }
}
