package io.flops.tracking.mlmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes JSON the way Python's {@code json.dumps} does by default ({@code ", "} and {@code ": "}
 * separators, insertion order), which is how MLflow writes JSON inside tags and MLmodel files.
 */
public final class PyJson {

  private static final ObjectMapper QUOTER = new ObjectMapper();

  private PyJson() {}

  /** Writes maps, lists, strings, numbers, booleans and null. */
  public static String write(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> quote(e.getKey().toString()) + ": " + write(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PyJson::write).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String text) {
      return quote(text);
    }
    return String.valueOf(value);
  }

  private static String quote(String text) {
    try {
      return QUOTER.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Could not quote a JSON string: " + e, e);
    }
  }
}
