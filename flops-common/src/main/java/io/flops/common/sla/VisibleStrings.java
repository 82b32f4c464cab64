package io.flops.common.sla;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Refuses request strings that hold control characters or bidirectional-text controls: they can
 * make a value (a repository URL, a customer id, a data tag) read differently in a log, a terminal
 * or the project view from what it is. Registered by {@link SlaJson#strict}, so every string of
 * every request body is checked, and a refusal names the field.
 */
final class VisibleStrings extends StdScalarDeserializer<String> {

  private VisibleStrings() {
    super(String.class);
  }

  /** The module that checks every string a mapper reads. */
  static SimpleModule module() {
    return new SimpleModule("flops-visible-strings")
        .addDeserializer(String.class, new VisibleStrings());
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    String value = StringDeserializer.instance.deserialize(parser, context);
    int bad = firstInvisible(value);
    if (bad >= 0) {
      String message =
          String.format(
              "must not contain control or bidirectional-text characters (U+%04X at position %d)",
              (int) value.charAt(bad), bad);
      throw JsonMappingException.from(parser, message, new IllegalArgumentException(message));
    }
    return value;
  }

  /** The index of the first character that must not appear, or -1. */
  static int firstInvisible(String value) {
    if (value == null) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || isBidiControl(c)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBidiControl(char c) {
    return c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
