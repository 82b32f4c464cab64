package io.flops.dataserver.flight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.dataclient.ArrowLocalData;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerException;
import io.flops.dataclient.DataServerProtocol;
import io.flops.dataclient.DatasetInfo;
import io.flops.dataclient.NoDataException;
import io.flops.dataclient.PutReceipt;
import io.flops.dataserver.TestTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataServerRoundTripIT {

  @TempDir Path storage;
  private RunningDataServer server;
  private DataServerClient client;
  private final BufferAllocator allocator = new RootAllocator();

  @BeforeEach
  void start() {
    server = new RunningDataServer(storage);
    client = server.client();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    allocator.close();
  }

  @Test
  void putListGetDropRoundTrip() {
    PutReceipt train = TestTables.put(client, allocator, "mnist", "train", 1, 250, 100);
    PutReceipt test = TestTables.put(client, allocator, "mnist", "test", 2, 50, 100);

    assertThat(train.name()).matches("mnist\\.[0-9a-f]{32}\\.arrow");
    assertThat(train.stored()).isTrue();
    assertThat(client.list(List.of("mnist")))
        .extracting(DatasetInfo::name, DatasetInfo::rows, DatasetInfo::split)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(train.name(), 250L, "train"),
            org.assertj.core.groups.Tuple.tuple(test.name(), 50L, "test"));
    assertThat(storage.resolve(train.name())).isRegularFile();

    try (ArrowLocalData data = client.fetch(List.of("mnist"))) {
      assertThat(data.training().rowCount()).isEqualTo(250);
      assertThat(data.training().columnNames()).containsExactly("id", "features", "label");
      float[][] features = data.training().floats("features");
      int[] labels = data.training().ints("label");
      for (int row = 0; row < 250; row++) {
        assertThat(features[row]).hasSize(TestTables.WIDTH);
        assertThat(features[row][3]).isEqualTo(TestTables.feature(1, row, 3));
        assertThat(labels[row]).isEqualTo(TestTables.label(1, row));
      }
      assertThat(data.test()).isPresent();
      assertThat(data.test().get().ints("label")).hasSize(50).startsWith(2, 3, 4);
      assertThat(data.training().unwrap(List.class)).get().asList().hasSize(3);
      assertThat(data.training().floats("id")[7]).containsExactly(TestTables.id(1, 7));
    }

    assertThat(client.drop("mnist")).containsExactlyInAnyOrder(train.name(), test.name());
    assertThat(client.list(List.of())).isEmpty();
    assertThat(storage.resolve(train.name())).doesNotExist();
    assertThatThrownBy(() -> client.fetch(List.of("mnist")))
        .isInstanceOf(NoDataException.class)
        .hasMessage("no data for tags [mnist] on data server " + server.address());
  }

  @Test
  void sameContentTwiceIsStoredOnce() throws Exception {
    PutReceipt first = TestTables.put(client, allocator, "cifar", "train", 5, 300, 64);
    PutReceipt second = TestTables.put(client, allocator, "cifar", "train", 5, 300, 64);

    assertThat(second.name()).isEqualTo(first.name());
    assertThat(first.stored()).isTrue();
    assertThat(second.stored()).isFalse();
    assertThat(client.list(List.of("cifar"))).hasSize(1);
    assertThat(arrowFiles()).containsExactly(first.name());
  }

  @Test
  void conflictingSchemaUnderOneTagIsRefusedNamingBothSchemas() {
    TestTables.put(client, allocator, "mnist", "train", 1, 10, 10);

    try (VectorSchemaRoot other = VectorSchemaRoot.create(TestTables.otherSchema(), allocator)) {
      assertThatThrownBy(() -> client.put("mnist", other, root -> false))
          .isInstanceOf(DataServerException.class)
          .hasMessageContaining("Refused data set for tag 'mnist'")
          .hasMessageContaining("Schema<id: Int(64, true) not null, label: Int(64, true) not null>")
          .hasMessageContaining("features: FixedSizeList(4)<item: FloatingPoint(SINGLE) not null>");
    }
    assertThat(client.list(List.of("mnist"))).hasSize(1);
    assertThat(client.list(List.of("other"))).isEmpty();
  }

  @Test
  void listsByTagsAndDropsOneDataSetByName() {
    PutReceipt a = TestTables.put(client, allocator, "a", "train", 1, 10, 10);
    PutReceipt b1 = TestTables.put(client, allocator, "b", "train", 2, 10, 10);
    PutReceipt b2 = TestTables.put(client, allocator, "b", "train", 3, 10, 10);

    assertThat(client.list(List.of())).hasSize(3);
    assertThat(client.list(List.of("b", "c")))
        .extracting(DatasetInfo::name)
        .containsExactlyInAnyOrder(b1.name(), b2.name());

    assertThat(client.drop(b1.name())).containsExactly(b1.name());
    assertThat(client.list(List.of()))
        .extracting(DatasetInfo::name)
        .containsExactlyInAnyOrder(a.name(), b2.name());
    assertThat(client.drop("unknown")).isEmpty();
  }

  @Test
  void listActionsDescribesDropDataset() throws Exception {
    try (BufferAllocator local = new RootAllocator();
        FlightClient raw = server.flightClient(local)) {
      List<ActionType> actions = new ArrayList<>();
      raw.listActions().forEach(actions::add);
      assertThat(actions)
          .extracting(ActionType::getType)
          .containsExactly(DataServerProtocol.DROP_ACTION);
      assertThat(actions.get(0).getDescription()).contains("data tag");
    }
  }

  @Test
  void invalidTagIsRefused() {
    assertThatThrownBy(() -> TestTables.put(client, allocator, "../etc", "train", 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Data tag '../etc' is not valid");
  }

  private List<String> arrowFiles() throws Exception {
    try (Stream<Path> files = Files.list(storage)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".arrow")).toList();
    }
  }
}
