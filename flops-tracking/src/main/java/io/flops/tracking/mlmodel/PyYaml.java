package io.flops.tracking.mlmodel;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes YAML the way MLflow's Python writes it ({@code yaml.safe_dump}: block style, keys sorted,
 * strings quoted only where a plain scalar would read back as something else), so files written
 * here are byte-for-byte what MLflow writes for the same values.
 */
public final class PyYaml {

  private static final Pattern NOT_A_STRING =
      Pattern.compile(
          "(?i)(|~|null|true|false|yes|no|on|off"
              + "|[-+]?[0-9_]+(\\.[0-9_]*([eE][-+][0-9]+)?)?|[-+]?\\.[0-9_]+([eE][-+][0-9]+)?"
              + "|[-+]?\\.(inf)|\\.nan|0x[0-9a-f_]+|0o?[0-7_]+"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)");
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  private PyYaml() {}

  /**
   * Writes {@code map} as a block mapping with sorted keys. Values may be strings (scalars),
   * numbers, booleans, null, {@link Literal}s, lists of strings and nested maps.
   */
  public static String mapping(Map<String, ?> map) {
    StringBuilder out = new StringBuilder();
    write(map, "", out);
    return out.toString();
  }

  /** A scalar as {@code safe_dump} writes it: plain, or single-quoted when it must be. */
  public static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Literal literal) {
      return literal.text();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    return needsQuotes(text) ? "'" + text.replace("'", "''") + "'" : text;
  }

  private static void write(Map<String, ?> map, String indent, StringBuilder out) {
    map.keySet().stream()
        .sorted()
        .forEach(
            key -> {
              Object value = map.get(key);
              out.append(indent).append(scalar(key)).append(':');
              if (value instanceof Map<?, ?> nested && !nested.isEmpty()) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) nested;
                write(typed, indent + "  ", out);
              } else if (value instanceof List<?> list && !list.isEmpty()) {
                out.append('\n');
                list.forEach(
                    item -> out.append(indent).append("- ").append(scalar(item)).append('\n'));
              } else if (value instanceof Map<?, ?>) {
                out.append(" {}\n");
              } else if (value instanceof List<?>) {
                out.append(" []\n");
              } else {
                out.append(' ').append(scalar(value)).append('\n');
              }
            });
  }

  private static boolean needsQuotes(String text) {
    return NOT_A_STRING.matcher(text).matches()
        || INDICATORS.indexOf(text.charAt(0)) >= 0
        || text.contains(": ")
        || text.contains(" #")
        || text.endsWith(":")
        || text.startsWith(" ")
        || text.endsWith(" ")
        || text.chars().anyMatch(c -> c < 0x20);
  }

  /** A value written exactly as given, e.g. MLflow's {@code None} for a missing stage. */
  public record Literal(String text) {}
}
