package io.flops.inference.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.inference.model.Batch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects the rows of one request into a {@link Batch}, checking the row count and that every row
 * has the model's row shape (flat, or nested exactly as the shape) and holds only numbers.
 */
final class BatchBuilder {

  private final long[] rowShape;
  private final int width;
  private final float[] values;
  private final int rows;

  /**
   * @param rowShape the shape of one row the model takes
   * @param rows how many rows the request holds
   * @param maxRows how many rows the server predicts at once
   */
  BatchBuilder(long[] rowShape, int rows, int maxRows) {
    if (rows == 0) {
      throw new InvalidInputException(
          "The request holds no rows; send at least one row of shape " + shape(rowShape) + ".");
    }
    if (rows > maxRows) {
      throw new BatchTooLargeException(rows, maxRows);
    }
    this.rowShape = rowShape.clone();
    this.width = (int) Batch.width(rowShape);
    this.rows = rows;
    this.values = new float[rows * width];
  }

  /** Adds row {@code index} given as a JSON array (flat, or nested as the row shape). */
  void add(int index, JsonNode row) {
    if (!row.isArray()) {
      throw wrongShape(index, "is " + abbreviated(row) + ", not an array");
    }
    List<Long> dimensions = dimensions(row);
    boolean flat = dimensions.size() == 1 && dimensions.get(0) == width;
    if (!flat && !dimensions.equals(asList(rowShape))) {
      throw wrongShape(index, "has shape " + dimensions);
    }
    long[] expected = flat ? new long[] {width} : rowShape;
    int[] position = {index * width};
    copy(index, row, expected, 0, position);
  }

  /** Adds row {@code index} given as a flat list of values (JSON scalars). */
  void addFlat(int index, List<JsonNode> cells) {
    if (cells.size() != width) {
      throw wrongShape(index, "has " + cells.size() + " values");
    }
    for (int i = 0; i < cells.size(); i++) {
      values[index * width + i] = number(index, i, cells.get(i));
    }
  }

  /** Adds row {@code index} given as text cells (CSV). */
  void addText(int index, String[] cells) {
    if (cells.length != width) {
      throw wrongShape(index, "has " + cells.length + " values");
    }
    for (int i = 0; i < cells.length; i++) {
      try {
        values[index * width + i] = Float.parseFloat(cells[i]);
      } catch (NumberFormatException e) {
        throw notANumber(index, i, "\"" + cells[i] + "\"");
      }
    }
  }

  Batch build() {
    return new Batch(values, rows, rowShape);
  }

  private void copy(int index, JsonNode node, long[] expected, int depth, int[] position) {
    if (depth == expected.length) {
      values[position[0]] = number(index, position[0] - index * width, node);
      position[0]++;
      return;
    }
    if (!node.isArray() || node.size() != expected[depth]) {
      throw wrongShape(index, "is ragged or nested deeper than " + shape(expected));
    }
    for (JsonNode element : node) {
      copy(index, element, expected, depth + 1, position);
    }
  }

  private float number(int row, int column, JsonNode cell) {
    if (!cell.isNumber()) {
      throw notANumber(row, column, abbreviated(cell));
    }
    return cell.floatValue();
  }

  private InvalidInputException wrongShape(int row, String what) {
    return new InvalidInputException(
        "Row "
            + row
            + " "
            + what
            + ", but the model expects rows of shape "
            + shape(rowShape)
            + " ("
            + width
            + " numbers, flat or nested as that shape); the input shape is "
            + shape(batchShape())
            + ".");
  }

  private InvalidInputException notANumber(int row, int column, String cell) {
    return new InvalidInputException(
        "Row "
            + row
            + ", value "
            + column
            + " is "
            + cell
            + ", not a number; the model takes numbers.");
  }

  private long[] batchShape() {
    long[] shape = new long[rowShape.length + 1];
    shape[0] = -1;
    System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
    return shape;
  }

  private static String abbreviated(JsonNode node) {
    String text = node.toString();
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }

  private static List<Long> dimensions(JsonNode row) {
    List<Long> dimensions = new ArrayList<>();
    JsonNode node = row;
    while (node.isArray()) {
      dimensions.add((long) node.size());
      if (node.isEmpty()) {
        break;
      }
      node = node.get(0);
    }
    return dimensions;
  }

  private static List<Long> asList(long[] shape) {
    return Arrays.stream(shape).boxed().toList();
  }

  static String shape(long[] shape) {
    return Arrays.toString(shape);
  }
}
