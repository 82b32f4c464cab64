package io.flops.dataclient;

import io.flops.mlapi.Table;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FloatingPointVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link Table} over Arrow record batches. {@link #unwrap} with {@code List.class} gives the
 * {@code List<VectorSchemaRoot>} (valid until the owning {@link ArrowLocalData} is closed).
 */
public final class ArrowTable implements Table, AutoCloseable {

  private final Schema schema;
  private final List<VectorSchemaRoot> batches;

  ArrowTable(Schema schema, List<VectorSchemaRoot> batches) {
    this.schema = schema;
    this.batches = List.copyOf(batches);
  }

  @Override
  public long rowCount() {
    return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
  }

  @Override
  public List<String> columnNames() {
    return schema.getFields().stream().map(Field::getName).toList();
  }

  @Override
  public float[][] floats(String column) {
    float[][] rows = new float[Math.toIntExact(rowCount())][];
    int row = 0;
    for (VectorSchemaRoot batch : batches) {
      FieldVector vector = vector(batch, column);
      for (int i = 0; i < batch.getRowCount(); i++) {
        rows[row++] = floatRow(vector, i, column);
      }
    }
    return rows;
  }

  @Override
  public int[] ints(String column) {
    int[] values = new int[Math.toIntExact(rowCount())];
    int row = 0;
    for (VectorSchemaRoot batch : batches) {
      FieldVector vector = vector(batch, column);
      if (!(vector instanceof BaseIntVector ints)) {
        throw notNumeric(column, vector, "an integer");
      }
      for (int i = 0; i < batch.getRowCount(); i++) {
        if (vector.isNull(i)) {
          throw new IllegalArgumentException(
              "Column '" + column + "' has a null value in row " + (row + 1));
        }
        values[row++] = Math.toIntExact(ints.getValueAsLong(i));
      }
    }
    return values;
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(batches) ? Optional.of(type.cast(batches)) : Optional.empty();
  }

  @Override
  public void close() {
    batches.forEach(VectorSchemaRoot::close);
  }

  private float[] floatRow(FieldVector vector, int index, String column) {
    if (vector instanceof FixedSizeListVector list) {
      int width = list.getListSize();
      float[] row = new float[width];
      ValueVector values = list.getDataVector();
      for (int j = 0; j < width; j++) {
        row[j] = number(values, index * width + j, column);
      }
      return row;
    }
    return new float[] {number(vector, index, column)};
  }

  private static float number(ValueVector vector, int index, String column) {
    if (vector.isNull(index)) {
      return Float.NaN;
    }
    if (vector instanceof FloatingPointVector floats) {
      return (float) floats.getValueAsDouble(index);
    }
    if (vector instanceof BaseIntVector ints) {
      return ints.getValueAsLong(index);
    }
    throw notNumeric(column, vector, "a numeric");
  }

  private FieldVector vector(VectorSchemaRoot batch, String column) {
    FieldVector vector = batch.getVector(column);
    if (vector == null) {
      throw new IllegalArgumentException(
          "No column '" + column + "'; the columns are " + columnNames());
    }
    return vector;
  }

  private static IllegalArgumentException notNumeric(
      String column, ValueVector vector, String kind) {
    return new IllegalArgumentException(
        "Column '"
            + column
            + "' is not "
            + kind
            + " column (its type is "
            + vector.getField().getType()
            + ")");
  }
}
