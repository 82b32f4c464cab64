package io.flops.dataserver.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerException;
import io.flops.dataserver.TestTables;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data server with tokens: nobody without one lists, reads, puts or drops; a reader (a learner)
 * only reads, a writer (a mock-data provider) also puts, only the admin drops.
 */
class DataAccessIT {

  @TempDir Path storage;
  private final BufferAllocator allocator = new RootAllocator();
  private RunningDataServer server;

  @BeforeEach
  void start() {
    server = new RunningDataServer(storage, DataAccess.of("reader-t", "writer-t", "admin-t"));
  }

  @AfterEach
  void stop() {
    server.close();
    allocator.close();
  }

  @Test
  void withoutAKnownTokenNothingIsListedReadWrittenOrDropped() {
    for (String token : List.of("", "guess")) {
      try (DataServerClient stranger = server.client(token)) {
        assertThatThrownBy(() -> stranger.list(List.of()))
            .isInstanceOf(DataServerException.class)
            .hasMessageContaining("needs a reader, writer or admin token");
        assertThatThrownBy(() -> TestTables.put(stranger, allocator, "mnist", "train", 1, 5, 5))
            .isInstanceOf(DataServerException.class);
        assertThatThrownBy(() -> stranger.drop("mnist")).isInstanceOf(DataServerException.class);
      }
    }
    assertThat(server.store().list(List.of())).isEmpty();
  }

  @Test
  void eachRoleDoesWhatItMayAndNoMore() throws Exception {
    try (DataServerClient writer = server.client("writer-t");
        DataServerClient reader = server.client("reader-t");
        DataServerClient admin = server.client("admin-t")) {
      TestTables.put(writer, allocator, "mnist", "train", 1, 20, 10);

      assertThat(reader.list(List.of("mnist"))).hasSize(1);
      try (var data = reader.fetch(List.of("mnist"))) {
        assertThat(data).isNotNull();
      }
      assertThatThrownBy(() -> TestTables.put(reader, allocator, "evil", "train", 2, 5, 5))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("only a writer token may put data sets");
      assertThatThrownBy(() -> writer.drop("mnist"))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("only the admin token may drop data sets");
      assertThat(reader.list(List.of("mnist"))).hasSize(1);

      assertThat(admin.drop("mnist")).hasSize(1);
      assertThat(reader.list(List.of("mnist"))).isEmpty();
    }
  }
}
