package io.flops.dataserver.mock;

import io.flops.common.launch.MockProviderLaunch;
import java.util.List;

/**
 * One run of the mock data provider.
 *
 * @param jobId the mock job's id (reported as {@code flops_project_id})
 * @param dataset the data set name
 * @param tag the data tag the partitions are stored under
 * @param servers data servers {@code host:port}; server i receives partition {@code
 *     partitionsPushed().get(i)}
 * @param partitions how many partitions the data set is split into
 * @param partitionsPushed which partitions this run pushes, one per server
 * @param partitioner how rows are shared
 * @param seed the seed of the partitioning
 * @param minTrainRows the fewest training rows a partition may get
 * @param batchRows rows per Arrow record batch
 */
public record MockJob(
    String jobId,
    String dataset,
    String tag,
    List<String> servers,
    int partitions,
    List<Integer> partitionsPushed,
    Partitioner partitioner,
    long seed,
    int minTrainRows,
    int batchRows) {

  public MockJob {
    servers = List.copyOf(servers);
    partitionsPushed = List.copyOf(partitionsPushed);
    if (servers.size() != partitionsPushed.size()) {
      throw new IllegalArgumentException(
          servers.size()
              + " data servers were given for "
              + partitionsPushed.size()
              + " partitions to push: "
              + MockProviderLaunch.Variable.DATA_SERVERS.envName()
              + " needs one server per partition");
    }
  }
}
