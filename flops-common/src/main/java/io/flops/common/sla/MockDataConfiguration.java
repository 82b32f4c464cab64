package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * What a mock data provider pushes to the data servers: the original's fields and defaults, plus
 * the partitioner, its parameters and a seed.
 *
 * @param datasetName the data set, default {@code mnist}
 * @param numberOfPartitions how many partitions (one per data server), default 1
 * @param dataTag the tag the partitions are stored under; empty (the original's default) means the
 *     data set's name
 * @param partitioner how the data set is split, default iid
 * @param alpha Dirichlet concentration for the dirichlet partitioner, default 0.5
 * @param labelsPerPartition labels per partition for the labels partitioner, default 2
 * @param seed random seed, so a split repeats, default 42
 */
public record MockDataConfiguration(
    @JsonProperty("dataset_name")
        @Pattern(
            regexp = "[A-Za-z0-9_./-]{1,128}",
            message = "must be 1-128 letters, digits, '_', '.', '/' or '-'")
        String datasetName,
    @JsonProperty("number_of_partitions") @Min(1) @Max(10_000) Integer numberOfPartitions,
    @JsonProperty("data_tag")
        @Pattern(
            regexp = "[A-Za-z0-9_-]{1,64}",
            message = "must be 1-64 letters, digits, '_' or '-'")
        String dataTag,
    @JsonProperty("partitioner") Partitioner partitioner,
    @JsonProperty("alpha") @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1000000")
        Double alpha,
    @JsonProperty("labels_per_partition") @Min(1) @Max(100_000) Integer labelsPerPartition,
    @JsonProperty("seed") Long seed) {

  public MockDataConfiguration {
    datasetName = datasetName == null ? "mnist" : datasetName;
    numberOfPartitions = numberOfPartitions == null ? 1 : numberOfPartitions;
    dataTag = dataTag == null || dataTag.isEmpty() ? datasetName : dataTag;
    partitioner = partitioner == null ? Partitioner.IID : partitioner;
    alpha = alpha == null ? 0.5 : alpha;
    labelsPerPartition = labelsPerPartition == null ? 2 : labelsPerPartition;
    seed = seed == null ? 42L : seed;
  }

  /** All defaults. */
  public static MockDataConfiguration defaults() {
    return new MockDataConfiguration(null, null, null, null, null, null, null);
  }
}
