package io.flops.cli.evaluate;

import io.flops.common.api.Stage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The summary table of an evaluation: mean, minimum and maximum seconds of every stage. */
public final class Summary {

  private static final String ROW = "  %-22s %5s %9s %9s %9s%n";

  private Summary() {}

  /** Prints the table for {@code runs} to {@code out}. */
  public static void print(List<RunRecord> runs, PrintWriter out) {
    long completed = runs.stream().filter(RunRecord::completed).count();
    out.printf(Locale.ROOT, "%d of %d runs completed.%n", completed, runs.size());
    out.printf(Locale.ROOT, ROW, "stage (seconds)", "runs", "mean", "min", "max");
    for (Stage stage : Stage.values()) {
      row(out, stage.label(), runs, run -> run.timeline().duration(stage));
    }
    row(out, "total", runs, run -> run.timeline().total());
  }

  private static void row(
      PrintWriter out,
      String name,
      List<RunRecord> runs,
      Function<RunRecord, Optional<Duration>> duration) {
    DoubleSummaryStatistics stats =
        runs.stream()
            .map(duration)
            .flatMap(Optional::stream)
            .mapToDouble(value -> value.toMillis() / 1000.0)
            .summaryStatistics();
    if (stats.getCount() == 0) {
      out.printf(Locale.ROOT, ROW, name, 0, "-", "-", "-");
      return;
    }
    out.printf(
        Locale.ROOT,
        ROW,
        name,
        stats.getCount(),
        seconds(stats.getAverage()),
        seconds(stats.getMin()),
        seconds(stats.getMax()));
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
