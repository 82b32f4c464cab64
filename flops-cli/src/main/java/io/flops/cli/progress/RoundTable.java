package io.flops.cli.progress;

import java.util.Locale;
import java.util.Map;

/** The rounds of a project as a table: one row per finished round, the header before the first. */
final class RoundTable {

  static final String HEADER =
      String.format(
          Locale.ROOT,
          "  %-22s %5s %9s %9s %8s %8s",
          "source",
          "round",
          "loss",
          "accuracy",
          "learners",
          "time");

  private boolean headerShown;

  /** The lines to print for a ROUND event's data: the header the first time, then the row. */
  String rows(String source, Map<String, Object> data) {
    String row =
        String.format(
            Locale.ROOT,
            "  %-22s %5s %9s %9s %8s %8s",
            source,
            text(data.get("round")),
            decimal(data.get("loss")),
            decimal(data.get("accuracy")),
            text(data.get("learners")),
            seconds(data.get("duration_ms")));
    if (headerShown) {
      return row;
    }
    headerShown = true;
    return HEADER + "\n" + row;
  }

  private static String text(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static String decimal(Object value) {
    return value instanceof Number number
        ? String.format(Locale.ROOT, "%.4f", number.doubleValue())
        : "-";
  }

  private static String seconds(Object millis) {
    return millis instanceof Number number
        ? String.format(Locale.ROOT, "%.1f s", number.doubleValue() / 1000)
        : "-";
  }
}
