package io.flops.common.sla;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Strict JSON reading of SLAs: unknown fields are rejected by name (a typo must not silently become
 * a default), and no value is coerced into another type ({@code "3"} is not a number). Every
 * reading failure becomes an invalid-input {@link FlopsException} with the JSON pointer of the bad
 * value.
 */
public final class SlaJson {

  private static final ObjectMapper MAPPER =
      strict(JsonMapper.builder().addModule(new JavaTimeModule()).build());

  private SlaJson() {}

  /**
   * Makes {@code mapper} strict as described above, and refuses strings with control or
   * bidirectional-text characters ({@link VisibleStrings}); returns it.
   */
  @SuppressWarnings("deprecation")
  public static ObjectMapper strict(ObjectMapper mapper) {
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.registerModule(VisibleStrings.module());
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType type :
        List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean, LogicalType.Textual)) {
      for (CoercionInputShape shape :
          List.of(
              CoercionInputShape.String,
              CoercionInputShape.Integer,
              CoercionInputShape.Float,
              CoercionInputShape.Boolean,
              CoercionInputShape.EmptyString)) {
        if (!sameShape(type, shape)) {
          mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
      }
    }
    return mapper;
  }

  private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
    return switch (type) {
      case Integer -> shape == CoercionInputShape.Integer;
      case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
      case Boolean -> shape == CoercionInputShape.Boolean;
      default -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
    };
  }

  /** Reads a project SLA. */
  public static ProjectSla readProject(byte[] json) {
    return read(json, ProjectSla.class);
  }

  /** Reads a mock-data SLA. */
  public static MockDataSla readMock(byte[] json) {
    return read(json, MockDataSla.class);
  }

  /** Writes an SLA as JSON. */
  public static String write(Object sla) {
    try {
      return MAPPER.writeValueAsString(sla);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write " + sla, e);
    }
  }

  private static <T> T read(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw describe(e);
    } catch (IOException e) {
      throw FlopsException.invalidInput(
          "The request body could not be read: " + e.getMessage(), List.of());
    }
  }

  /** Turns a JSON reading failure into invalid input naming where and what. */
  public static FlopsException describe(JsonProcessingException e) {
    FieldError error;
    if (e instanceof JsonMappingException mapping) {
      error = new FieldError(pointer(mapping.getPath()), mappingMessage(mapping));
    } else {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      error = new FieldError("", "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
    String prefix = error.pointer().isEmpty() ? "The request body" : error.pointer();
    return FlopsException.invalidInput(
        "The SLA could not be read: " + prefix + " " + error.message() + ".", List.of(error));
  }

  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      pointer.append('/');
      pointer.append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
    }
    return pointer.toString();
  }

  private static String mappingMessage(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      Collection<Object> known = unknown.getKnownPropertyIds();
      return "'"
          + unknown.getPropertyName()
          + "' is not a known field"
          + (known == null
              ? ""
              : "; known fields here: "
                  + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    }
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "must be " + describe(mismatch.getTargetType());
    }
    return e.getOriginalMessage();
  }

  private static String describe(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "an integer";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum() || type == java.time.Duration.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
