package io.flops.learner.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.launch.LearnerLaunch;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerException;
import io.flops.dataserver.flight.DataFlightServer;
import io.flops.dataserver.store.DatasetStore;
import io.flops.learner.data.FlightLocalDataSource;
import io.flops.learner.data.NoLocalDataException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner started with the variables the manager writes reaches its node's data server over TLS
 * with the authority of its own certificate ({@code FLOPS_TLS_CA}); without it, it gets nothing.
 */
class LearnerDataServerTlsIT {

  private final ParticipantAuthority authority = ParticipantAuthority.inMemory();
  private final BufferAllocator allocator = new RootAllocator();
  @TempDir Path storage;
  private DataFlightServer server;

  @BeforeEach
  void startDataServer() {
    server =
        DataFlightServer.start(
            DatasetStore.open(storage, allocator),
            allocator,
            "127.0.0.1",
            0,
            Duration.ofSeconds(2),
            DataAccess.of("reader", "writer", "admin"),
            authority.issueDataServer());
  }

  @AfterEach
  void stop() {
    server.close();
    allocator.close();
  }

  @Test
  void withTheProjectsCertificateTheLearnerListsItsDataServer() {
    Map<String, String> environment = learnerEnvironment();
    environment.putAll(authority.issue("p1", "learner0").toEnvironment());

    try (FlightLocalDataSource source = dataSource(environment)) {
      assertThatThrownBy(() -> source.fetch(List.of("mnist")))
          .as("the data server answered over TLS: it holds nothing under mnist")
          .isInstanceOf(NoLocalDataException.class);
    }
  }

  @Test
  void withoutTlsTheLearnerGetsNothing() {
    try (FlightLocalDataSource source = dataSource(learnerEnvironment())) {
      assertThatThrownBy(() -> source.fetch(List.of("mnist")))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("serving plaintext");
    }
  }

  private Map<String, String> learnerEnvironment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("FLOPS_PROJECT_ID", "p1");
    environment.put("FLOPS_LEARNER_DATA_SERVER", "127.0.0.1:" + server.port());
    environment.put("FLOPS_LEARNER_DATA_TOKEN", "reader");
    return environment;
  }

  private static FlightLocalDataSource dataSource(Map<String, String> environment) {
    return (FlightLocalDataSource)
        new LearnerConfiguration().localDataSource(LearnerLaunch.fromEnvironment(environment));
  }
}
