package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.sla.MockDataConfiguration;
import java.time.Instant;
import java.util.List;

/**
 * A mock-data job as {@code GET /api/flops/mocks/{id}} shows it (docs/api.md).
 *
 * @param id the job id
 * @param customerId the customer (the original's spelling {@code customerID})
 * @param configuration the mock data asked for
 * @param deploymentId the mock data provider's deployment
 * @param state where the job is
 * @param pushedPartitions the partitions reported pushed, ascending
 * @param rows the rows pushed so far (training + test)
 * @param failureReason why it failed, else left out
 * @param createdAt when it was asked for
 * @param updatedAt the job's last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MockJobView(
    @JsonProperty("mock_id") String id,
    @JsonProperty("customerID") String customerId,
    @JsonProperty("mock_data_configuration") MockDataConfiguration configuration,
    @JsonProperty("deployment_id") String deploymentId,
    @JsonProperty("state") MockJobState state,
    @JsonProperty("pushed_partitions") List<Integer> pushedPartitions,
    @JsonProperty("rows") long rows,
    @JsonProperty("failure_reason") String failureReason,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("updated_at") Instant updatedAt) {

  public MockJobView {
    pushedPartitions = pushedPartitions == null ? List.of() : List.copyOf(pushedPartitions);
  }
}
