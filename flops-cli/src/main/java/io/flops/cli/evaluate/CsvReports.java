package io.flops.cli.evaluate;

import io.flops.common.api.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes an evaluation's CSV files (docs/evaluation.md): {@code runs.csv} (a row per run), {@code
 * resources.csv} (a row per resource sample) and {@code rounds.csv} (a row per FL round).
 */
public final class CsvReports {

  public static final String RUNS = "runs.csv";
  public static final String RESOURCES = "resources.csv";
  public static final String ROUNDS = "rounds.csv";

  private CsvReports() {}

  /** Writes the three files into {@code dir} (created when missing). */
  public static void write(List<RunRecord> runs, Path dir) {
    write(dir.resolve(RUNS), runsTable(runs));
    write(dir.resolve(RESOURCES), resourcesTable(runs));
    write(dir.resolve(ROUNDS), roundsTable(runs));
  }

  static List<List<String>> runsTable(List<RunRecord> runs) {
    List<String> header =
        new ArrayList<>(List.of("run", "project_id", "state", "accuracy", "loss", "rounds"));
    for (Stage stage : Stage.values()) {
      header.add(stage.label() + "_s");
    }
    header.addAll(List.of("total_s", "failure_reason"));
    List<List<String>> rows = new ArrayList<>(List.of(header));
    for (RunRecord run : runs) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  Integer.toString(run.run()),
                  run.projectId(),
                  run.state().name(),
                  number(run.accuracy()),
                  number(run.loss()),
                  Integer.toString(run.rounds().size())));
      for (Stage stage : Stage.values()) {
        row.add(seconds(run.timeline().duration(stage)));
      }
      row.add(seconds(run.timeline().total()));
      row.add(run.failureReason() == null ? "" : run.failureReason());
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> resourcesTable(List<RunRecord> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "run",
            "unix_timestamp",
            "seconds_since_run_start",
            "stage",
            "cpu_percent",
            "memory_bytes",
            "net_rx_bytes",
            "net_tx_bytes",
            "units"));
    for (RunRecord run : runs) {
      for (ResourceSample sample : run.samples()) {
        Optional<Stage> stage = run.stageOf(sample);
        if (stage.isEmpty()) {
          continue;
        }
        rows.add(
            List.of(
                Integer.toString(run.run()),
                format("%.3f", sample.at().toEpochMilli() / 1000.0),
                format(
                    "%.3f",
                    Duration.between(run.timeline().submitted(), sample.at()).toMillis() / 1000.0),
                stage.get().label(),
                format("%.1f", sample.cpuPercent()),
                Long.toString(sample.memoryBytes()),
                Long.toString(sample.netRxBytes()),
                Long.toString(sample.netTxBytes()),
                Integer.toString(sample.units())));
      }
    }
    return rows;
  }

  static List<List<String>> roundsTable(List<RunRecord> runs) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("run", "source", "round", "loss", "accuracy", "duration_s"));
    for (RunRecord run : runs) {
      for (RoundResult round : run.rounds()) {
        rows.add(
            List.of(
                Integer.toString(run.run()),
                round.source(),
                Integer.toString(round.round()),
                number(round.loss()),
                number(round.accuracy()),
                Double.isNaN(round.seconds()) ? "" : format("%.3f", round.seconds())));
      }
    }
    return rows;
  }

  private static void write(Path file, List<List<String>> rows) {
    StringBuilder csv = new StringBuilder();
    for (List<String> row : rows) {
      csv.append(String.join(",", row.stream().map(CsvReports::quoted).toList())).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }

  private static String quoted(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  private static String seconds(Optional<Duration> duration) {
    return duration.map(value -> format("%.3f", value.toMillis() / 1000.0)).orElse("");
  }

  private static String number(Double value) {
    return value == null || value.isNaN() ? "" : format("%.6f", value);
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
