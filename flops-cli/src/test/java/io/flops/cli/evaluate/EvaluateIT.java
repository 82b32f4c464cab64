package io.flops.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.FlopsCli;
import io.flops.common.api.Stage;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code flops evaluate} end to end on two small embedded projects: it starts the real manager from
 * its exec jar, pushes Iris to the two simulated nodes, runs examples/iris-logistic twice (two
 * learners, one round, trained-model image and inference server), samples the processes it started,
 * writes the CSV files and charts, and stops everything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluateIT {

  static final Path HOME =
      Path.of(System.getProperty("flops.home", "..")).toAbsolutePath().normalize();

  @TempDir static Path out;

  private int exitCode;
  private String output;

  @BeforeAll
  void evaluateTwoIrisProjects() {
    StringWriter text = new StringWriter();
    CommandLine cli = FlopsCli.commandLine();
    cli.setOut(new PrintWriter(text, true));
    exitCode =
        cli.execute(
            "evaluate",
            "--home=" + HOME,
            "--sla=" + HOME.resolve("examples/iris-logistic/sla.json"),
            "--runs=2",
            "--rounds=1",
            "--sample-interval=500ms",
            "--timeout=6",
            "--out=" + out);
    output = text.toString();
  }

  @Test
  void bothProjectsCompleteAndTheSummaryShowsEveryStage() {
    assertThat(exitCode).as(output).isZero();
    assertThat(output).contains("2 of 2 runs completed.");
    for (Stage stage : Stage.values()) {
      assertThat(output).containsPattern("(?m)^\\s+" + stage.label() + "\\s+2\\s+\\d+\\.\\d");
    }
  }

  @Test
  void runsCsvHasTwoCompletedRunsWithTheSecondsOfEveryStage() throws Exception {
    List<Map<String, String>> runs = read(CsvReports.RUNS);

    assertThat(runs).as(output).hasSize(2);
    assertThat(runs).extracting(row -> row.get("state")).containsOnly("COMPLETED");
    assertThat(runs).extracting(row -> row.get("rounds")).containsOnly("1");
    for (Map<String, String> run : runs) {
      for (Stage stage : Stage.values()) {
        assertThat(Double.parseDouble(run.get(stage.label() + "_s")))
            .as("%s of run %s", stage.label(), run.get("run"))
            .isGreaterThanOrEqualTo(0);
      }
      double total = Double.parseDouble(run.get("total_s"));
      double sum =
          Arrays.stream(Stage.values())
              .mapToDouble(stage -> Double.parseDouble(run.get(stage.label() + "_s")))
              .sum();
      assertThat(sum).isCloseTo(total, org.assertj.core.data.Offset.offset(0.01));
      assertThat(Double.parseDouble(run.get("image_build_s"))).isPositive();
      assertThat(Double.parseDouble(run.get("accuracy"))).isBetween(0.0, 1.0);
    }
  }

  @Test
  void resourcesCsvHasSamplesOfTheStartedProcessesInEveryLongStage() throws Exception {
    List<Map<String, String>> samples = read(CsvReports.RESOURCES);
    Set<String> labels =
        Arrays.stream(Stage.values()).map(Stage::label).collect(Collectors.toSet());

    assertThat(samples).hasSizeGreaterThan(20);
    assertThat(samples).extracting(row -> row.get("stage")).allMatch(labels::contains);
    assertThat(samples)
        .extracting(row -> row.get("stage"))
        .contains("image_build", "first_round", "post_training");
    assertThat(samples).extracting(row -> row.get("run")).contains("1", "2");
    // the manager JVM alone holds more than 100 MiB; every reading sees it and its services
    assertThat(samples)
        .extracting(row -> Long.parseLong(row.get("memory_bytes")))
        .allMatch(bytes -> bytes > 100L * 1024 * 1024);
    assertThat(samples)
        .extracting(row -> Double.parseDouble(row.get("cpu_percent")))
        .anyMatch(cpu -> cpu > 50);
    assertThat(samples)
        .extracting(row -> Long.parseLong(row.get("net_rx_bytes")))
        .anyMatch(bytes -> bytes > 0);
    assertThat(samples)
        .extracting(row -> Integer.parseInt(row.get("units")))
        .anyMatch(processes -> processes >= 4);
  }

  @Test
  void roundsCsvHasTheRoundOfEachRun() throws Exception {
    List<Map<String, String>> rounds = read(CsvReports.ROUNDS);

    assertThat(rounds)
        .extracting(row -> row.get("run") + "/" + row.get("round"))
        .containsExactly("1/1", "2/1");
    assertThat(rounds)
        .extracting(row -> Double.parseDouble(row.get("accuracy")))
        .allMatch(accuracy -> accuracy >= 0 && accuracy <= 1);
  }

  @Test
  void theChartsArePngsOfTheChartSize() throws Exception {
    for (String chart :
        List.of(Charts.STAGE_DURATIONS, Charts.ACCURACY, Charts.CPU, Charts.MEMORY)) {
      BufferedImage image = ImageIO.read(out.resolve(chart).toFile());
      assertThat(image).as(chart).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
    }
  }

  @Test
  void noProcessOfTheEvaluationIsLeft() {
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive))
        .extracting(handle -> handle.pid() + " " + handle.info().commandLine().orElse("?"))
        .isEmpty();
    assertThat(output).contains("Stopping the manager and everything it started");
  }

  private List<Map<String, String>> read(String file) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve(file));
    List<String> header = List.of(lines.get(0).split(","));
    return lines.stream()
        .skip(1)
        .map(line -> line.split(",", -1))
        .map(
            fields ->
                header.stream()
                    .collect(
                        Collectors.toMap(
                            Function.identity(), name -> fields[header.indexOf(name)])))
        .toList();
  }
}
