package io.flops.dataserver;

import io.flops.dataclient.BatchFiller;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DataServerProtocol;
import io.flops.dataclient.PutReceipt;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Deterministic test tables: row {@code i} of seed {@code s} has id {@code s * 1e9 + i}, a feature
 * vector of {@value #WIDTH} floats {@code (i + j + s) / 7} and label {@code (i + s) % 10}.
 */
public final class TestTables {

  public static final int WIDTH = 4;

  private TestTables() {}

  /** id (int64), features (fixed-size list of 4 float32), label (int32); split in metadata. */
  public static Schema schema(String split) {
    Field item =
        new Field(
            "item",
            FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
            null);
    return new Schema(
        List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            new Field(
                "features",
                FieldType.notNullable(new ArrowType.FixedSizeList(WIDTH)),
                List.of(item)),
            Field.notNullable("label", new ArrowType.Int(32, true))),
        Map.of(DataServerProtocol.SPLIT_KEY, split));
  }

  /** A schema that conflicts with {@link #schema}: label is int64. */
  public static Schema otherSchema() {
    return new Schema(
        List.of(
            Field.notNullable("id", new ArrowType.Int(64, true)),
            Field.notNullable("label", new ArrowType.Int(64, true))));
  }

  public static long id(long seed, long row) {
    return seed * 1_000_000_000L + row;
  }

  public static float feature(long seed, long row, int j) {
    return (row + j + seed) / 7f;
  }

  public static int label(long seed, long row) {
    return (int) ((row + seed) % 10);
  }

  /** Puts {@code rows} rows of {@code seed} in batches of {@code batchRows}. */
  public static PutReceipt put(
      DataServerClient client,
      BufferAllocator allocator,
      String tag,
      String split,
      long seed,
      long rows,
      int batchRows) {
    try (VectorSchemaRoot root = VectorSchemaRoot.create(schema(split), allocator)) {
      return client.put(tag, root, filler(seed, rows, batchRows));
    }
  }

  /** Fills batches of rows {@code 0..rows-1}. */
  public static BatchFiller filler(long seed, long rows, int batchRows) {
    long[] next = {0};
    return root -> {
      if (next[0] >= rows) {
        return false;
      }
      int count = (int) Math.min(batchRows, rows - next[0]);
      fill(root, seed, next[0], count);
      next[0] += count;
      return true;
    };
  }

  private static void fill(VectorSchemaRoot root, long seed, long first, int count) {
    BigIntVector ids = (BigIntVector) root.getVector("id");
    FixedSizeListVector features = (FixedSizeListVector) root.getVector("features");
    Float4Vector items = (Float4Vector) features.getDataVector();
    IntVector labels = (IntVector) root.getVector("label");
    ids.allocateNew(count);
    features.allocateNew();
    items.allocateNew(count * WIDTH);
    labels.allocateNew(count);
    for (int i = 0; i < count; i++) {
      long row = first + i;
      ids.set(i, id(seed, row));
      features.setNotNull(i);
      for (int j = 0; j < WIDTH; j++) {
        items.set(i * WIDTH + j, feature(seed, row, j));
      }
      labels.set(i, label(seed, row));
    }
    items.setValueCount(count * WIDTH);
    root.setRowCount(count);
  }
}
