package io.flops.manager.mock;

import io.flops.common.api.MockJobState;
import io.flops.common.sla.MockDataConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code POST /api/flops/mocks}, as stored: the provider deployed for it and what it reported.
 * The API shows it as a {@link io.flops.common.api.MockJobView}.
 *
 * @param id the job id (the provider's {@code FLOPS_PROJECT_ID})
 * @param customerId the customer
 * @param configuration the mock data asked for
 * @param deploymentId the provider's deployment
 * @param state where the job is
 * @param pushedPartitions the partitions reported pushed, ascending
 * @param rows the rows pushed so far (training + test)
 * @param failureReason why it failed, else null
 * @param createdAt when it was asked for
 * @param updatedAt the last change
 */
@Document("mock_jobs")
public record MockJob(
    @Id String id,
    String customerId,
    MockDataConfiguration configuration,
    String deploymentId,
    MockJobState state,
    List<Integer> pushedPartitions,
    long rows,
    String failureReason,
    Instant createdAt,
    Instant updatedAt) {

  public MockJob {
    pushedPartitions = pushedPartitions == null ? List.of() : List.copyOf(pushedPartitions);
  }

  /** This job after partition {@code partition} with {@code more} rows was pushed. */
  MockJob pushed(int partition, long more, Instant now) {
    if (pushedPartitions.contains(partition) || state != MockJobState.RUNNING) {
      return this;
    }
    TreeSet<Integer> done = new TreeSet<>(pushedPartitions);
    done.add(partition);
    MockJobState next =
        done.size() >= configuration.numberOfPartitions() ? MockJobState.COMPLETED : state;
    return new MockJob(
        id,
        customerId,
        configuration,
        deploymentId,
        next,
        List.copyOf(done),
        rows + more,
        null,
        createdAt,
        now);
  }

  /** This job ended with {@code next} (and {@code reason} when it failed); an ended job stays. */
  MockJob ended(MockJobState next, String reason, Instant now) {
    if (state != MockJobState.RUNNING) {
      return this;
    }
    return new MockJob(
        id,
        customerId,
        configuration,
        deploymentId,
        next,
        pushedPartitions,
        rows,
        reason,
        createdAt,
        now);
  }
}
