package io.flops.manager.stages;

import io.flops.common.api.Milestone;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectEndListener;
import io.flops.manager.project.TrainingResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Appends one row per ended project to {@code <flops.data-dir>/stage-timings.csv}: the project, its
 * mode, state and accuracy, and the seconds from acceptance to each {@link Milestone} (empty when
 * not reached). Also logs the timings.
 */
@Component
public class StageTimingsCsv implements ProjectEndListener {

  private static final Logger log = LoggerFactory.getLogger(StageTimingsCsv.class);

  private final Path file;

  public StageTimingsCsv(FlopsProperties flops) {
    this.file = flops.getDataDir().resolve("stage-timings.csv");
  }

  /** The CSV file. */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void ended(Project project) {
    StageTimings timings = StageTimings.of(project);
    log.info(
        "Project {} ended {} after {}", project.getId(), project.getState(), timings.summary());
    try {
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, String.join(",", header()) + "\n", StandardCharsets.UTF_8);
      }
      Files.writeString(
          file,
          String.join(",", row(project, timings)) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The column names. */
  public static List<String> header() {
    List<String> columns =
        new ArrayList<>(
            List.of("project_id", "customer_id", "mode", "learners", "state", "accepted_at"));
    for (Milestone milestone : Milestone.values()) {
      if (milestone != Milestone.ACCEPTED) {
        columns.add(milestone.jsonName() + "_s");
      }
    }
    columns.add("accuracy");
    return columns;
  }

  private static List<String> row(Project project, StageTimings timings) {
    var training = project.getSla().trainingConfiguration();
    List<String> cells =
        new ArrayList<>(
            List.of(
                project.getId(),
                project.getCustomerId(),
                training.mode().name().toLowerCase(Locale.ROOT),
                String.valueOf(training.minAvailableClients()),
                project.getState().name(),
                String.valueOf(timings.reached().get(Milestone.ACCEPTED))));
    for (Milestone milestone : Milestone.values()) {
      if (milestone != Milestone.ACCEPTED) {
        Duration since = timings.sinceAccepted(milestone);
        cells.add(
            since == null ? "" : String.format(Locale.ROOT, "%.3f", StageTimings.seconds(since)));
      }
    }
    TrainingResults results = project.getResults();
    cells.add(results == null || results.accuracy() == null ? "" : results.accuracy().toString());
    return cells.stream().map(StageTimingsCsv::cell).toList();
  }

  private static String cell(String value) {
    return value.matches("[^,\"\\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
  }
}
