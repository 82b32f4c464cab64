package io.flops.learner.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.tls.ParticipantAuthority;
import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerTrust;
import io.flops.dataserver.flight.DataFlightServer;
import io.flops.dataserver.store.DatasetStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's data source against a real (empty) data server over Arrow Flight with TLS. */
class FlightLocalDataSourceIT {

  @Test
  void noDataSetForTheTagsGivesTheLearnersFailureMessage(@TempDir Path storage) {
    ParticipantAuthority authority = ParticipantAuthority.inMemory();
    try (BufferAllocator allocator = new RootAllocator();
        DataFlightServer server =
            DataFlightServer.start(
                DatasetStore.open(storage, allocator),
                allocator,
                "127.0.0.1",
                0,
                Duration.ofSeconds(2),
                DataAccess.of("reader", "writer", "admin"),
                authority.issueDataServer());
        FlightLocalDataSource source =
            new FlightLocalDataSource(
                "127.0.0.1:" + server.port(),
                "reader",
                DataServerTrust.authority(authority.certificatePem()))) {

      assertThat(source.address()).isEqualTo("127.0.0.1:" + server.port());
      assertThatThrownBy(() -> source.fetch(List.of("mnist")))
          .isInstanceOf(NoLocalDataException.class)
          .hasMessage("no data for tags [mnist] on data server 127.0.0.1:" + server.port());
    }
  }
}
