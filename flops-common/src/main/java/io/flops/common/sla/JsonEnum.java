package io.flops.common.sla;

import java.util.Arrays;
import java.util.List;

/** Helpers for SLA records: enums whose JSON form is a lower-case name, lists. */
final class JsonEnum {

  private JsonEnum() {}

  /** Finds the constant whose JSON name is {@code value}, or fails naming the allowed values. */
  static <E extends Enum<E> & Named> E parse(Class<E> type, String field, String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.jsonName().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + field + " '" + value + "', allowed: " + names(type));
  }

  /** The JSON names of all constants. */
  static <E extends Enum<E> & Named> List<String> names(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Named::jsonName).toList();
  }

  /** An unmodifiable copy that keeps null elements, so validation can report them. */
  static <T> List<T> copy(List<T> list) {
    return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }

  /** An enum constant with a JSON name. */
  interface Named {
    String jsonName();
  }
}
