package io.flops.cli.evaluate;

import io.flops.common.api.Stage;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * Renders an evaluation's charts as PNG files with XChart (docs/evaluation.md): the stage durations
 * per run as stacked bars, the accuracy per round of every run as lines, and the CPU and memory of
 * every sample over the time since its run's start, coloured by stage.
 */
public final class Charts {

  public static final String STAGE_DURATIONS = "stage-durations.png";
  public static final String ACCURACY = "accuracy-per-round.png";
  public static final String CPU = "cpu-over-time.png";
  public static final String MEMORY = "memory-over-time.png";

  /** The size of every chart in pixels. */
  public static final int WIDTH = 1000;

  public static final int HEIGHT = 600;

  private static final double MIB = 1024.0 * 1024.0;

  private Charts() {}

  /**
   * Renders the charts into {@code dir}.
   *
   * @return the files written; a chart without any data point (e.g. no round finished) is left out
   */
  public static List<Path> render(List<RunRecord> runs, Path dir) {
    System.setProperty("java.awt.headless", "true");
    List<Path> written = new ArrayList<>();
    save(stageDurations(runs), dir.resolve(STAGE_DURATIONS), written);
    save(accuracy(runs), dir.resolve(ACCURACY), written);
    save(
        overTime(runs, "CPU", "CPU (% of one core)", ResourceSample::cpuPercent),
        dir.resolve(CPU),
        written);
    save(
        overTime(runs, "Memory", "Memory (MiB)", sample -> sample.memoryBytes() / MIB),
        dir.resolve(MEMORY),
        written);
    return written;
  }

  static CategoryChart stageDurations(List<RunRecord> runs) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title("Stage durations per run")
            .xAxisTitle("Run")
            .yAxisTitle("Seconds")
            .build();
    chart.getStyler().setStacked(true).setLegendPosition(LegendPosition.OutsideE);
    List<String> names = runs.stream().map(run -> "run " + run.run()).toList();
    for (Stage stage : Stage.values()) {
      List<Double> seconds =
          runs.stream()
              .map(
                  run -> run.timeline().duration(stage).map(d -> d.toMillis() / 1000.0).orElse(0.0))
              .toList();
      if (!names.isEmpty() && seconds.stream().anyMatch(value -> value > 0)) {
        chart.addSeries(stage.label(), names, seconds).setFillColor(colour(stage));
      }
    }
    return chart;
  }

  static XYChart accuracy(List<RunRecord> runs) {
    XYChart chart = xyChart("Accuracy per round", "Round", "Accuracy");
    for (RunRecord run : runs) {
      Map<String, List<RoundResult>> bySource = new LinkedHashMap<>();
      run.rounds()
          .forEach(r -> bySource.computeIfAbsent(r.source(), s -> new ArrayList<>()).add(r));
      for (Map.Entry<String, List<RoundResult>> source : bySource.entrySet()) {
        String name =
            bySource.size() == 1 ? "run " + run.run() : "run " + run.run() + " " + source.getKey();
        chart.addSeries(
            name,
            source.getValue().stream().mapToDouble(RoundResult::round).toArray(),
            source.getValue().stream().mapToDouble(RoundResult::accuracy).toArray());
      }
    }
    return chart;
  }

  static XYChart overTime(
      List<RunRecord> runs, String what, String axis, ToDoubleFunction<ResourceSample> value) {
    XYChart chart =
        xyChart(
            what + " of the FLOps processes over each run, by stage",
            "Seconds since the run's start",
            axis);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Scatter).setMarkerSize(5);
    for (Stage stage : Stage.values()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (RunRecord run : runs) {
        for (ResourceSample sample : run.samples()) {
          if (run.stageOf(sample).orElse(null) == stage) {
            x.add(Duration.between(run.timeline().submitted(), sample.at()).toMillis() / 1000.0);
            y.add(value.applyAsDouble(sample));
          }
        }
      }
      if (!x.isEmpty()) {
        chart.addSeries(stage.label(), x, y).setMarkerColor(colour(stage));
      }
    }
    return chart;
  }

  private static Color colour(Stage stage) {
    return new Color(stage.rgb());
  }

  private static XYChart xyChart(String title, String xAxis, String yAxis) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle(xAxis)
            .yAxisTitle(yAxis)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    return chart;
  }

  private static void save(Chart<?, ?> chart, Path file, List<Path> written) {
    if (chart.getSeriesMap().isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
      written.add(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the chart " + file, e);
    }
  }
}
