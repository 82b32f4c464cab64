package io.flops.dataserver.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DatasetInfo;
import io.flops.dataclient.PutReceipt;
import io.flops.dataserver.TestTables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargeAndConcurrentIT {

  private static final long MILLION = 1_000_000;

  @TempDir Path storage;

  @Test
  void millionRowsComeBackIdenticalAndSurviveARestart() throws Exception {
    PutReceipt receipt;
    try (BufferAllocator allocator = new RootAllocator();
        RunningDataServer server = new RunningDataServer(storage);
        DataServerClient client = server.client()) {
      receipt = TestTables.put(client, allocator, "big", "train", 9, MILLION, 65_536);
      assertThat(receipt.rows()).isEqualTo(MILLION);
      assertThat(countIdenticalRows(server, receipt.name(), 9)).isEqualTo(MILLION);
    }

    try (RunningDataServer restarted = new RunningDataServer(storage);
        DataServerClient client = restarted.client()) {
      List<DatasetInfo> listed = client.list(List.of("big"));
      assertThat(listed)
          .extracting(DatasetInfo::name, DatasetInfo::rows)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(receipt.name(), MILLION));
      assertThat(listed.get(0).split()).isEqualTo("train");
      assertThat(countIdenticalRows(restarted, receipt.name(), 9)).isEqualTo(MILLION);
    }
  }

  @Test
  void twoConcurrentPutsUnderOneTagAreBothStored() throws Exception {
    try (BufferAllocator allocator = new RootAllocator();
        RunningDataServer server = new RunningDataServer(storage);
        DataServerClient first = server.client();
        DataServerClient second = server.client()) {
      CountDownLatch go = new CountDownLatch(1);
      CompletableFuture<PutReceipt> a = putLater(go, first, allocator, 21);
      CompletableFuture<PutReceipt> b = putLater(go, second, allocator, 22);
      CompletableFuture<PutReceipt> sameAsA = putLater(go, second, allocator, 21);
      go.countDown();

      assertThat(a.get().name()).isNotEqualTo(b.get().name());
      assertThat(sameAsA.get().name()).isEqualTo(a.get().name());
      assertThat(a.get().stored() ^ sameAsA.get().stored()).isTrue();
      assertThat(first.list(List.of("shared")))
          .extracting(DatasetInfo::name, DatasetInfo::rows)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(a.get().name(), 20_000L),
              org.assertj.core.groups.Tuple.tuple(b.get().name(), 20_000L));
    }
  }

  private static CompletableFuture<PutReceipt> putLater(
      CountDownLatch go, DataServerClient client, BufferAllocator allocator, long seed) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return TestTables.put(client, allocator, "shared", "train", seed, 20_000, 1_000);
        });
  }

  /** Streams the data set and counts rows equal to what {@link TestTables} generated. */
  private static long countIdenticalRows(RunningDataServer server, String name, long seed)
      throws Exception {
    long row = 0;
    long equal = 0;
    try (BufferAllocator allocator = new RootAllocator();
        FlightClient client = server.flightClient(allocator);
        FlightStream stream = client.getStream(new Ticket(name.getBytes(StandardCharsets.UTF_8)))) {
      while (stream.next()) {
        VectorSchemaRoot root = stream.getRoot();
        BigIntVector ids = (BigIntVector) root.getVector("id");
        Float4Vector items =
            (Float4Vector) ((FixedSizeListVector) root.getVector("features")).getDataVector();
        IntVector labels = (IntVector) root.getVector("label");
        for (int i = 0; i < root.getRowCount(); i++, row++) {
          boolean same =
              ids.get(i) == TestTables.id(seed, row)
                  && labels.get(i) == TestTables.label(seed, row)
                  && items.get(i * TestTables.WIDTH) == TestTables.feature(seed, row, 0)
                  && items.get(i * TestTables.WIDTH + 3) == TestTables.feature(seed, row, 3);
          equal += same ? 1 : 0;
        }
      }
    }
    assertThat(row).as("rows streamed").isEqualTo(MILLION);
    return equal;
  }
}
