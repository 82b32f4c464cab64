package io.flops.benchmarks.transfer;

import io.flops.dataclient.DataServerClient;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** The benchmark's table, built once in batches of 64k rows and put without copying. */
final class BenchTable implements AutoCloseable {

  static final String TAG = "benchmark";
  static final int ROW_BYTES = 8 + 4 + 8;
  private static final int BATCH = 65_536;
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              Field.notNullable("id", new ArrowType.Int(64, true)),
              Field.notNullable("x", new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)),
              Field.notNullable("y", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE))));

  private final BufferAllocator allocator;
  private final List<ArrowRecordBatch> batches = new ArrayList<>();

  BenchTable(BufferAllocator allocator, long rows) {
    this.allocator = allocator;
    try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      for (long first = 0; first < rows; first += BATCH) {
        int count = (int) Math.min(BATCH, rows - first);
        fill(root, first, count);
        batches.add(new VectorUnloader(root).getRecordBatch());
      }
    }
  }

  long putTo(DataServerClient client) {
    int[] next = {0};
    try (VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      VectorLoader loader = new VectorLoader(root);
      return client
          .put(
              TAG,
              root,
              target -> {
                if (next[0] >= batches.size()) {
                  return false;
                }
                loader.load(batches.get(next[0]++));
                return true;
              })
          .rows();
    }
  }

  private static void fill(VectorSchemaRoot root, long first, int count) {
    BigIntVector id = (BigIntVector) root.getVector("id");
    Float4Vector x = (Float4Vector) root.getVector("x");
    Float8Vector y = (Float8Vector) root.getVector("y");
    id.allocateNew(count);
    x.allocateNew(count);
    y.allocateNew(count);
    for (int i = 0; i < count; i++) {
      long row = first + i;
      id.set(i, row);
      x.set(i, row * 0.5f);
      y.set(i, row / 3.0);
    }
    root.setRowCount(count);
  }

  @Override
  public void close() {
    batches.forEach(ArrowRecordBatch::close);
  }
}
