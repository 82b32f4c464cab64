package io.flops.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.MockJobState;
import io.flops.common.api.MockJobView;
import java.time.Duration;

/**
 * Pushes a mock data set (docs/sla.md: {@code mnist} or {@code iris}) to the nodes' data servers
 * through {@code POST /api/flops/mocks}, under the tag of the same name.
 */
final class MockData {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private MockData() {}

  /**
   * Pushes {@code partitions} IID partitions of {@code dataset} and waits until they are there.
   *
   * @return the rows pushed
   */
  static long push(ManagerClient manager, String customerId, String dataset, int partitions) {
    ObjectNode sla = new ObjectMapper().createObjectNode();
    sla.put("customerID", customerId);
    sla.putObject("mock_data_configuration")
        .put("dataset_name", dataset)
        .put("data_tag", dataset)
        .put("number_of_partitions", partitions)
        .put("partitioner", "iid");
    String id = manager.createMockJob(sla);
    MockJobView job = manager.awaitMockJob(id, TIMEOUT);
    if (job.state() != MockJobState.COMPLETED) {
      throw new IllegalStateException(
          "The mock data provider (job "
              + id
              + ") failed to push "
              + dataset
              + ": "
              + job.failureReason());
    }
    return job.rows();
  }
}
