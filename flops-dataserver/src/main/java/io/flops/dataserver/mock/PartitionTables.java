package io.flops.dataserver.mock;

import io.flops.dataclient.BatchFiller;
import io.flops.dataclient.DataServerProtocol;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow form of a partition: a fixed-size list of float32 features and an int32 {@code label},
 * with the split, data set and partition in the schema metadata.
 */
final class PartitionTables {

  /** Schema metadata key naming the source data set. */
  static final String DATASET_KEY = "flops.dataset";

  /** Schema metadata key {@code <k>/<n>}: partition k (from 0) of n. */
  static final String PARTITION_KEY = "flops.partition";

  private PartitionTables() {}

  static Schema schema(LabeledSplits data, String split, int partition, int partitions) {
    Field item =
        new Field(
            "item",
            FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            null);
    Field features =
        new Field(
            data.featureColumn(),
            FieldType.notNullable(new ArrowType.FixedSizeList(data.train().featureWidth())),
            List.of(item));
    return new Schema(
        List.of(features, Field.notNullable("label", new ArrowType.Int(32, true))),
        Map.of(
            DataServerProtocol.SPLIT_KEY,
            split,
            DATASET_KEY,
            data.name(),
            PARTITION_KEY,
            partition + "/" + partitions));
  }

  /** Fills batches of at most {@code batchRows} rows from {@code rows} of {@code dataset}. */
  static BatchFiller filler(LabeledDataset dataset, int[] rows, int batchRows) {
    int width = dataset.featureWidth();
    float[] buffer = new float[width];
    int[] next = {0};
    return root -> {
      if (next[0] >= rows.length) {
        return false;
      }
      int count = Math.min(batchRows, rows.length - next[0]);
      FixedSizeListVector features = (FixedSizeListVector) root.getVector(0);
      Float4Vector items = (Float4Vector) features.getDataVector();
      IntVector labels = (IntVector) root.getVector("label");
      features.allocateNew();
      items.allocateNew(count * width);
      labels.allocateNew(count);
      for (int i = 0; i < count; i++) {
        int row = rows[next[0] + i];
        dataset.features(row, buffer);
        features.setNotNull(i);
        for (int j = 0; j < width; j++) {
          items.set(i * width + j, buffer[j]);
        }
        labels.set(i, dataset.label(row));
      }
      root.setRowCount(count);
      next[0] += count;
      return true;
    };
  }
}
