package io.flops.cli.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.progress.ProgressView;
import io.flops.common.api.MockJobState;
import io.flops.common.api.MockJobView;
import java.time.Duration;

/**
 * Pushes mock data to the nodes' data servers through {@code POST /api/flops/mocks} and waits until
 * the provider pushed every partition (for {@code flops data push} and {@code flops demo}).
 */
public final class MockDataPush {

  /** How long a push may take by default. */
  public static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final ManagerClient manager;
  private final ProgressView view;

  public MockDataPush(ManagerClient manager, ProgressView view) {
    this.manager = manager;
    this.view = view;
  }

  /**
   * Deploys the provider for the mock-data SLA {@code sla} and waits until it pushed every
   * partition.
   *
   * @return the job as it ended
   * @throws IllegalStateException when the provider failed or did not finish within {@code timeout}
   */
  public MockJobView push(JsonNode sla, Duration timeout) {
    JsonNode configuration = sla.path("mock_data_configuration");
    String dataset = configuration.path("dataset_name").asText("mnist");
    String tag = configuration.path("data_tag").asText(dataset);
    int partitions = configuration.path("number_of_partitions").asInt(1);
    view.activity("Pushing " + partitions + " " + dataset + " partitions to the data servers ...");
    String id = manager.createMockJob(sla);
    MockJobView job = manager.awaitMockJob(id, timeout);
    if (job.state() != MockJobState.COMPLETED) {
      throw new IllegalStateException(
          "The mock data provider (job " + id + ") failed: " + job.failureReason());
    }
    view.done(
        "Pushed "
            + job.pushedPartitions().size()
            + " "
            + dataset
            + " partitions ("
            + job.rows()
            + " rows) to the data servers under tag '"
            + tag
            + "'");
    return job;
  }

  /** {@link #push(JsonNode, Duration)} within {@link #TIMEOUT}. */
  public MockJobView push(JsonNode sla) {
    return push(sla, TIMEOUT);
  }
}
