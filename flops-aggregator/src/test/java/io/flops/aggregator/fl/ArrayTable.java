package io.flops.aggregator.fl;

import io.flops.mlapi.Table;
import java.util.List;
import java.util.Optional;

/** An in-memory table with a float feature column and an int label column. */
record ArrayTable(String featureColumn, float[][] features, int[] labels) implements Table {

  @Override
  public long rowCount() {
    return labels.length;
  }

  @Override
  public List<String> columnNames() {
    return List.of(featureColumn, "label");
  }

  @Override
  public float[][] floats(String column) {
    if (!column.equals(featureColumn)) {
      throw new IllegalArgumentException("No float column " + column + " in " + columnNames());
    }
    return features;
  }

  @Override
  public int[] ints(String column) {
    if (!column.equals("label")) {
      throw new IllegalArgumentException("No int column " + column + " in " + columnNames());
    }
    return labels;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return Optional.empty();
  }
}
