package io.flops.dataserver.mock;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerProtocol;
import io.flops.dataclient.PutReceipt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a data set, splits it into partitions and pushes partition k (its training rows and its
 * share of the test rows, each marked with {@link DataServerProtocol#SPLIT_KEY}) to data server k.
 * Reports every pushed partition, or the failure, to the manager and to the job's event stream.
 */
public final class MockDataProvider {

  private static final Logger log = LoggerFactory.getLogger(MockDataProvider.class);
  private static final String SOURCE = "mock-data-provider";

  private final Map<String, DatasetLoader> loaders;
  private final EventPublisher events;
  private final Function<String, DataServerClient> connect;

  public MockDataProvider(
      List<DatasetLoader> loaders,
      EventPublisher events,
      Function<String, DataServerClient> connect) {
    this.loaders =
        loaders.stream().collect(Collectors.toMap(DatasetLoader::name, loader -> loader));
    this.events = events;
    this.connect = connect;
  }

  /**
   * Runs one job.
   *
   * @throws RuntimeException after reporting it, when loading, planning or a push fails
   */
  public List<PushedPartition> run(MockJob job) {
    int current = -1;
    try {
      LabeledSplits data = loaderOf(job.dataset()).load();
      PartitionPlan plan =
          PartitionPlan.of(
              data, job.partitioner(), job.partitions(), job.seed(), job.minTrainRows());
      List<PushedPartition> pushed = new ArrayList<>();
      for (int i = 0; i < job.servers().size(); i++) {
        current = job.partitionsPushed().get(i);
        PushedPartition partition = push(job, data, plan, current, job.servers().get(i));
        report(job, partition);
        pushed.add(partition);
      }
      return pushed;
    } catch (RuntimeException e) {
      reportFailure(job, current, e);
      throw e;
    }
  }

  private PushedPartition push(
      MockJob job, LabeledSplits data, PartitionPlan plan, int partition, String server) {
    List<String> names = new ArrayList<>();
    try (BufferAllocator allocator = new RootAllocator();
        DataServerClient client = connect.apply(server)) {
      int[] trainRows = plan.train()[partition];
      int[] testRows = plan.test()[partition];
      names.add(put(client, allocator, job, data, DataServerProtocol.TRAIN, partition, trainRows));
      if (testRows.length > 0) {
        names.add(put(client, allocator, job, data, DataServerProtocol.TEST, partition, testRows));
      }
      return new PushedPartition(
          partition,
          server,
          trainRows.length,
          testRows.length,
          names,
          labelCounts(data.train(), trainRows));
    }
  }

  private static String put(
      DataServerClient client,
      BufferAllocator allocator,
      MockJob job,
      LabeledSplits data,
      String split,
      int partition,
      int[] rows) {
    LabeledDataset source = DataServerProtocol.TEST.equals(split) ? data.test() : data.train();
    try (VectorSchemaRoot root =
        VectorSchemaRoot.create(
            PartitionTables.schema(data, split, partition, job.partitions()), allocator)) {
      PutReceipt receipt =
          client.put(job.tag(), root, PartitionTables.filler(source, rows, job.batchRows()));
      return receipt.name();
    }
  }

  private DatasetLoader loaderOf(String dataset) {
    DatasetLoader loader = loaders.get(dataset);
    if (loader == null) {
      throw new IllegalArgumentException(
          "Unknown mock data set '" + dataset + "'; known data sets: " + loaders.keySet());
    }
    return loader;
  }

  private void report(MockJob job, PushedPartition pushed) {
    String message =
        String.format(
            "Pushed partition %d of %d of %s (%d training, %d test rows) to data server %s"
                + " under tag '%s'",
            pushed.partition(),
            job.partitions(),
            job.dataset(),
            pushed.trainRows(),
            pushed.testRows(),
            pushed.server(),
            job.tag());
    log.info(message);
    events.publish(
        new ComponentEvent.MockDataProviderFinished(
            id(), job.jobId(), pushed.partition(), pushed.trainRows() + pushed.testRows(), null));
    events.publish(
        job.jobId(),
        new ObserverEvent(
            id(),
            Instant.now(),
            SOURCE,
            ObserverEvent.Level.INFO,
            ObserverEvent.Kind.DATA,
            message,
            Map.of(
                "rows", pushed.trainRows() + pushed.testRows(),
                "tags", List.of(job.tag()),
                "partition", pushed.partition(),
                "server", pushed.server(),
                "datasets", pushed.datasets(),
                "label_counts", Arrays.stream(pushed.labelCounts()).boxed().toList())));
  }

  /** Reports settings that do not describe a job (e.g. more partitions than servers). */
  public void reportInvalidSettings(String jobId, String dataset, String tag, RuntimeException e) {
    fail(
        jobId,
        tag,
        "Mock data provider settings for " + dataset + " are invalid: " + e.getMessage(),
        -1,
        e);
  }

  private void reportFailure(MockJob job, int partition, RuntimeException e) {
    String message =
        "Mock data provider failed for "
            + job.dataset()
            + " under tag '"
            + job.tag()
            + "'"
            + (partition >= 0 ? " at partition " + partition : "")
            + ": "
            + e.getMessage();
    fail(job.jobId(), job.tag(), message, partition, e);
  }

  private void fail(String jobId, String tag, String message, int partition, Exception e) {
    log.error(message, e);
    events.publish(new ComponentEvent.MockDataProviderFinished(id(), jobId, partition, 0, message));
    events.publish(
        jobId,
        new ObserverEvent(
            id(),
            Instant.now(),
            SOURCE,
            ObserverEvent.Level.ERROR,
            ObserverEvent.Kind.DATA,
            message,
            Map.of("tags", List.of(String.valueOf(tag)))));
  }

  private static long[] labelCounts(LabeledDataset dataset, int[] rows) {
    long[] counts = new long[dataset.classes()];
    for (int row : rows) {
      counts[dataset.label(row)]++;
    }
    return counts;
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
