package io.flops.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A mock-data job as {@code GET /api/flops/mocks/{id}} shows it.
 *
 * @param id the job id
 * @param state {@code RUNNING}, {@code COMPLETED} or {@code FAILED}
 * @param pushedPartitions the partitions pushed so far
 * @param rows the rows pushed so far (training + test)
 * @param failureReason why it failed
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MockJobStatus(
    @JsonProperty("mock_id") String id,
    @JsonProperty("state") String state,
    @JsonProperty("pushed_partitions") List<Integer> pushedPartitions,
    @JsonProperty("rows") long rows,
    @JsonProperty("failure_reason") String failureReason) {

  public MockJobStatus {
    pushedPartitions = pushedPartitions == null ? List.of() : List.copyOf(pushedPartitions);
  }

  /** True once the job completed or failed. */
  public boolean ended() {
    return !"RUNNING".equals(state);
  }
}
