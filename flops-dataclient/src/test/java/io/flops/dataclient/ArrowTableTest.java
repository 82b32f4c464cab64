package io.flops.dataclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class ArrowTableTest {

  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field(
                  "pixels",
                  FieldType.notNullable(new ArrowType.FixedSizeList(2)),
                  List.of(Field.notNullable("item", new ArrowType.Int(8, false)))),
              Field.notNullable(
                  "weight", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
              Field.notNullable("label", new ArrowType.Int(64, true)),
              Field.nullable("name", new ArrowType.Utf8())));

  @Test
  void givesArrayViewsOverEveryBatch() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTable table =
            new ArrowTable(SCHEMA, List.of(batch(allocator, 0), batch(allocator, 2)))) {
      assertThat(table.rowCount()).isEqualTo(4);
      assertThat(table.columnNames()).containsExactly("pixels", "weight", "label", "name");
      assertThat(table.floats("pixels"))
          .isDeepEqualTo(new float[][] {{0, 255}, {1, 254}, {2, 253}, {3, 252}});
      assertThat(table.floats("weight")).isDeepEqualTo(new float[][] {{0}, {.5f}, {1}, {1.5f}});
      assertThat(table.ints("label")).containsExactly(7, 8, 9, 10);
      assertThat(table.unwrap(List.class)).get().asList().hasSize(2);
      assertThat(table.unwrap(String.class)).isEmpty();
    }
  }

  @Test
  void namesTheColumnThatIsMissingOrNotNumeric() {
    try (BufferAllocator allocator = new RootAllocator();
        ArrowTable table = new ArrowTable(SCHEMA, List.of(batch(allocator, 0)))) {
      assertThatThrownBy(() -> table.floats("image"))
          .hasMessage("No column 'image'; the columns are [pixels, weight, label, name]");
      assertThatThrownBy(() -> table.ints("weight"))
          .hasMessageStartingWith("Column 'weight' is not an integer column");
      assertThatThrownBy(() -> table.floats("name"))
          .hasMessageStartingWith("Column 'name' is not a numeric column");
    }
  }

  private static VectorSchemaRoot batch(BufferAllocator allocator, int first) {
    VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
    FixedSizeListVector pixels = (FixedSizeListVector) root.getVector("pixels");
    UInt1Vector items = (UInt1Vector) pixels.getDataVector();
    Float8Vector weight = (Float8Vector) root.getVector("weight");
    BigIntVector label = (BigIntVector) root.getVector("label");
    VarCharVector name = (VarCharVector) root.getVector("name");
    pixels.allocateNew();
    items.allocateNew(4);
    weight.allocateNew(2);
    label.allocateNew(2);
    name.allocateNew(2);
    for (int i = 0; i < 2; i++) {
      int row = first + i;
      pixels.setNotNull(i);
      items.set(i * 2, row);
      items.set(i * 2 + 1, 255 - row);
      weight.set(i, row / 2.0);
      label.set(i, 7 + row);
      name.setSafe(i, ("r" + row).getBytes());
    }
    root.setRowCount(2);
    return root;
  }
}
