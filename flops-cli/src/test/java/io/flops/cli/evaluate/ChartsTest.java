package io.flops.cli.evaluate;

import static io.flops.cli.evaluate.SyntheticRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.ProjectState;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {

  private final List<RunRecord> runs =
      List.of(
          SyntheticRuns.completed(1, T0, 3),
          SyntheticRuns.completed(2, T0.plusSeconds(600), 2),
          SyntheticRuns.failedInBuild(3, T0.plusSeconds(1200)));

  @Test
  void rendersEveryChartAsAPngOfTheChartSize(@TempDir Path dir) throws Exception {
    List<Path> written = Charts.render(runs, dir);

    assertThat(written)
        .containsExactly(
            dir.resolve(Charts.STAGE_DURATIONS),
            dir.resolve(Charts.ACCURACY),
            dir.resolve(Charts.CPU),
            dir.resolve(Charts.MEMORY));
    for (Path png : written) {
      BufferedImage image = ImageIO.read(png.toFile());
      assertThat(image).as(png.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
      assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
      assertThat(distinctColours(image)).as(png + " is more than a blank canvas").isGreaterThan(5);
    }
  }

  @Test
  void theStageChartHasABarPerRunAndASeriesPerReachedStage() {
    var chart = Charts.stageDurations(runs);

    assertThat(chart.getSeriesMap().keySet())
        .containsExactly(
            "submission",
            "image_build",
            "deployment",
            "first_round",
            "training",
            "post_training",
            "inference_deployment",
            "finishing");
    assertThat(List.<Object>copyOf(chart.getSeriesMap().get("training").getXData()))
        .containsExactly("run 1", "run 2", "run 3");
    assertThat(List.<Number>copyOf(chart.getSeriesMap().get("training").getYData()))
        .containsExactly(20.0, 10.0, 0.0);
  }

  @Test
  void theAccuracyChartHasALinePerRunOverItsRounds() {
    var chart = Charts.accuracy(runs);

    assertThat(chart.getSeriesMap().keySet()).containsExactly("run 1", "run 2");
    assertThat(chart.getSeriesMap().get("run 1").getXData()).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void withoutRoundsOrSamplesOnlyTheStageChartIsRendered(@TempDir Path dir) {
    List<Path> written =
        Charts.render(
            List.of(
                new RunRecord(
                    1,
                    "p1",
                    ProjectState.FAILED,
                    null,
                    null,
                    "x",
                    SyntheticRuns.failedInBuild(1, T0).timeline(),
                    List.of(),
                    List.of())),
            dir);

    assertThat(written).containsExactly(dir.resolve(Charts.STAGE_DURATIONS));
  }

  private static long distinctColours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()))
        .distinct()
        .limit(100)
        .count();
  }
}
