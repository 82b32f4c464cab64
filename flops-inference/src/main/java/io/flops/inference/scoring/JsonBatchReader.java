package io.flops.inference.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.inference.model.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads MLflow's JSON scoring input: {@code {"inputs": rows}} or {@code {"inputs": {"name":
 * rows}}}, {@code {"instances": rows}}, {@code {"dataframe_split": {"columns": [...], "data":
 * rows}}} and {@code {"dataframe_records": [{"column": value, ...}, ...]}}, where a row is an array
 * of numbers (flat, or nested as the model's row shape).
 */
final class JsonBatchReader {

  static final List<String> FORMATS =
      List.of("inputs", "instances", "dataframe_split", "dataframe_records");

  private final ObjectMapper json;

  JsonBatchReader(ObjectMapper json) {
    this.json = json;
  }

  Batch read(byte[] body, long[] rowShape, int maxRows) {
    JsonNode root = parse(body);
    String format = format(root);
    JsonNode payload = root.get(format);
    return switch (format) {
      case "dataframe_split" -> dataframeSplit(payload, rowShape, maxRows);
      case "dataframe_records" -> dataframeRecords(payload, rowShape, maxRows);
      case "inputs" -> rows(unnamed(payload), format, rowShape, maxRows);
      default -> rows(payload, format, rowShape, maxRows);
    };
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("The body is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (java.io.IOException e) {
      throw new InvalidInputException("The body could not be read: " + e.getMessage(), e);
    }
  }

  private static String format(JsonNode root) {
    Set<String> keys = new TreeSet<>();
    if (root != null && root.isObject()) {
      root.fieldNames().forEachRemaining(keys::add);
    }
    List<String> present = FORMATS.stream().filter(keys::contains).toList();
    keys.removeAll(FORMATS);
    keys.remove("params");
    if (present.size() != 1 || !keys.isEmpty()) {
      throw new InvalidInputException(
          "The body must be a JSON object with exactly one of the keys "
              + FORMATS
              + (keys.isEmpty() ? "" : "; unknown keys: " + keys)
              + ", e.g. {\"inputs\": [[0.0, 0.5, ...]]}.");
    }
    JsonNode params = root.path("params");
    if (!params.isMissingNode() && !params.isNull() && !params.isEmpty()) {
      throw new InvalidInputException("This model takes no params; remove \"params\".");
    }
    return present.get(0);
  }

  private static JsonNode unnamed(JsonNode inputs) {
    if (inputs.isObject() && inputs.size() == 1) {
      return inputs.elements().next();
    }
    if (inputs.isObject()) {
      throw new InvalidInputException(
          "\"inputs\" names " + inputs.size() + " tensors; the model takes exactly one.");
    }
    return inputs;
  }

  private static Batch rows(JsonNode rows, String key, long[] rowShape, int maxRows) {
    if (!rows.isArray()) {
      throw new InvalidInputException("\"" + key + "\" must be an array of rows.");
    }
    BatchBuilder batch = new BatchBuilder(rowShape, rows.size(), maxRows);
    for (int i = 0; i < rows.size(); i++) {
      batch.add(i, rows.get(i));
    }
    return batch.build();
  }

  private static Batch dataframeSplit(JsonNode frame, long[] rowShape, int maxRows) {
    JsonNode columns = frame.path("columns");
    long width = Batch.width(rowShape);
    if (columns.isArray() && columns.size() != width) {
      throw new InvalidInputException(
          "\"dataframe_split\" has "
              + columns.size()
              + " columns, but the model expects "
              + width
              + " (rows of shape "
              + BatchBuilder.shape(rowShape)
              + ").");
    }
    return rows(frame.path("data"), "dataframe_split.data", rowShape, maxRows);
  }

  private static Batch dataframeRecords(JsonNode records, long[] rowShape, int maxRows) {
    if (!records.isArray()) {
      throw new InvalidInputException("\"dataframe_records\" must be an array of objects.");
    }
    BatchBuilder batch = new BatchBuilder(rowShape, records.size(), maxRows);
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      if (!record.isObject()) {
        throw new InvalidInputException(
            "Record " + i + " of \"dataframe_records\" is not an object.");
      }
      List<JsonNode> cells = new ArrayList<>();
      record.elements().forEachRemaining(cells::add);
      batch.addFlat(i, cells);
    }
    return batch.build();
  }
}
