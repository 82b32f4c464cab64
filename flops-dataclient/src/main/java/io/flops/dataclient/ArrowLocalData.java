package io.flops.dataclient;

import io.flops.mlapi.LocalData;
import io.flops.mlapi.Table;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The data sets fetched for a learner's tags, as training rows and (when the data sets were pushed
 * with a test split) test rows. Owns Arrow memory: close it when the learner stops.
 */
public final class ArrowLocalData implements LocalData, AutoCloseable {

  private final List<String> dataTags;
  private final List<DatasetInfo> datasets;
  private final ArrowTable training;
  private final ArrowTable test;
  private final BufferAllocator allocator;

  ArrowLocalData(
      List<String> dataTags,
      List<DatasetInfo> datasets,
      ArrowTable training,
      ArrowTable test,
      BufferAllocator allocator) {
    this.dataTags = List.copyOf(dataTags);
    this.datasets = List.copyOf(datasets);
    this.training = training;
    this.test = test;
    this.allocator = allocator;
  }

  @Override
  public List<String> dataTags() {
    return dataTags;
  }

  /** The data sets that were fetched, as the server listed them. */
  public List<DatasetInfo> datasets() {
    return datasets;
  }

  @Override
  public Table training() {
    return training;
  }

  @Override
  public Optional<Table> test() {
    return Optional.ofNullable(test);
  }

  @Override
  public void close() {
    training.close();
    if (test != null) {
      test.close();
    }
    allocator.close();
  }
}
