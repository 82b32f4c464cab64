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

  /** PyYAML's implicit resolvers: a plain scalar matching one does not read back as a string. */
  private static final Pattern NOT_A_STRING =
      Pattern.compile(
          String.join(
              "|",
              "~|null|Null|NULL|=|<<",
              "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
              "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+",
              "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
              "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?",
              "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
              "[0-9]{4}-[0-9]{2}-[0-9]{2}",
              "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                  + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"));

  private static final String INDICATORS = "#,[]{}&*!|>'\"%@`";
  private static final int WIDTH = 80;

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
    return scalar(value, 0, 2);
  }

  /**
   * A scalar written from {@code column} on; like PyYAML, a long string is folded at a single space
   * past column 80, continuing at {@code continuationIndent}.
   */
  static String scalar(Object value, int column, int continuationIndent) {
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
    if (needsQuotes(text)) {
      return "'" + folded(text.replace("'", "''"), column + 1, continuationIndent, true) + "'";
    }
    return folded(text, column, continuationIndent, false);
  }

  private static String folded(String text, int startColumn, int indent, boolean quoted) {
    StringBuilder out = new StringBuilder();
    int column = startColumn;
    int start = 0;
    boolean spaces = false;
    for (int end = 0; end <= text.length(); end++) {
      boolean atSpace = end < text.length() && text.charAt(end) == ' ';
      if (spaces && !atSpace) {
        boolean inside = !quoted || (start != 0 && end != text.length());
        if (start + 1 == end && column > WIDTH && inside) {
          out.append('\n').append(" ".repeat(indent));
          column = indent;
        } else {
          out.append(text, start, end);
          column += end - start;
        }
        start = end;
      } else if (!spaces && (atSpace || end == text.length())) {
        out.append(text, start, end);
        column += end - start;
        start = end;
      }
      spaces = atSpace;
    }
    return out.toString();
  }

  private static void write(Map<String, ?> map, String indent, StringBuilder out) {
    map.keySet().stream()
        .sorted()
        .forEach(
            key -> {
              Object value = map.get(key);
              String keyText = scalar(key);
              out.append(indent).append(keyText).append(':');
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
                int column = indent.length() + keyText.length() + 2;
                out.append(' ').append(scalar(value, column, indent.length() + 2)).append('\n');
              }
            });
  }

  private static boolean needsQuotes(String text) {
    if (text.isEmpty() || NOT_A_STRING.matcher(text).matches()) {
      return true;
    }
    char first = text.charAt(0);
    boolean indicatorFirst =
        INDICATORS.indexOf(first) >= 0
            || ("-?:".indexOf(first) >= 0 && (text.length() == 1 || text.charAt(1) == ' '));
    return indicatorFirst
        || text.contains(": ")
        || text.endsWith(":")
        || text.contains(" #")
        || text.startsWith(" ")
        || text.endsWith(" ")
        || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** A value written exactly as given, e.g. MLflow's {@code None} for a missing stage. */
  public record Literal(String text) {}
}
