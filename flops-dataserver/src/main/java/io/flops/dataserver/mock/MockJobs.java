package io.flops.dataserver.mock;

import io.flops.common.launch.MockProviderLaunch;
import io.flops.common.launch.MockProviderLaunch.Variable;
import java.util.List;
import java.util.stream.IntStream;

/** The job a provider's launch record and local knobs describe. */
final class MockJobs {

  private MockJobs() {}

  /**
   * The job of {@code launch}.
   *
   * @throws IllegalArgumentException when the settings do not fit together (the provider reports it
   *     as a failed job)
   */
  static MockJob of(MockProviderLaunch launch, MockProperties properties) {
    Integer index = launch.partitionIndex();
    List<Integer> pushed =
        index != null && index >= 0
            ? List.of(checked(index, launch.partitions()))
            : IntStream.range(0, launch.partitions()).boxed().toList();
    return new MockJob(
        launch.service().projectId(),
        launch.dataset(),
        launch.dataTag(),
        launch.dataServers(),
        launch.partitions(),
        pushed,
        partitioner(launch),
        launch.seed(),
        properties.minPartitionRows(),
        properties.batchRows());
  }

  /** The partitioner the launch record chooses. */
  static Partitioner partitioner(MockProviderLaunch launch) {
    return switch (launch.partitioner()) {
      case IID -> new IidPartitioner();
      case DIRICHLET -> new DirichletPartitioner(launch.alpha());
      case LABELS -> new LabelsPartitioner(launch.labelsPerPartition());
    };
  }

  private static int checked(int index, int partitions) {
    if (index >= partitions) {
      throw new IllegalArgumentException(
          Variable.PARTITION_INDEX.envName()
              + " "
              + index
              + " is not below "
              + Variable.PARTITIONS.envName()
              + " "
              + partitions);
    }
    return index;
  }
}
