package io.flops.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.progress.ProgressView;
import io.flops.common.api.MockJobState;
import io.flops.common.api.MockJobView;
import java.time.Duration;

/** Pushes mock data to the nodes' data servers through {@code POST /api/flops/mocks}. */
final class MockDataPush {

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final ManagerClient manager;
  private final ProgressView view;

  MockDataPush(ManagerClient manager, ProgressView view) {
    this.manager = manager;
    this.view = view;
  }

  /** Deploys the provider for {@code sla} and waits until it pushed every partition. */
  void push(ObjectNode sla) {
    int partitions = sla.path("mock_data_configuration").path("number_of_partitions").asInt();
    view.activity("Pushing " + partitions + " MNIST partitions to the simulated nodes ...");
    String id = manager.createMockJob(sla);
    MockJobView job = manager.awaitMockJob(id, TIMEOUT);
    if (job.state() != MockJobState.COMPLETED) {
      throw new IllegalStateException(
          "The mock data provider (job " + id + ") failed: " + job.failureReason());
    }
    view.done(
        "Pushed "
            + job.pushedPartitions().size()
            + " MNIST partitions ("
            + job.rows()
            + " rows) to the data servers under tag '"
            + DemoSla.DATA_TAG
            + "'");
  }
}
