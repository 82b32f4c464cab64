package io.flops.cli.evaluate;

import static io.flops.cli.evaluate.SyntheticRuns.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportsTest {

  private final List<RunRecord> runs =
      List.of(
          SyntheticRuns.completed(1, T0, 3),
          SyntheticRuns.completed(2, T0.plusSeconds(600), 2),
          SyntheticRuns.failedInBuild(3, T0.plusSeconds(1200)));

  @Test
  void runsCsvHasARowPerRunWithTheSecondsOfEveryStage(@TempDir Path dir) throws Exception {
    CsvReports.write(runs, dir);
    List<String> lines = Files.readAllLines(dir.resolve(CsvReports.RUNS));

    assertThat(lines.get(0))
        .isEqualTo(
            "run,project_id,state,accuracy,loss,rounds,submission_s,image_build_s,deployment_s,"
                + "first_round_s,training_s,post_training_s,inference_deployment_s,finishing_s,"
                + "total_s,failure_reason");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .isEqualTo(
            "1,p1,COMPLETED,0.800000,0.333333,3,0.200,20.000,5.000,10.000,20.000,15.000,4.000,1.000,75.200,");
    assertThat(lines.get(3))
        .isEqualTo("3,p3,FAILED,,,0,1.000,8.000,,,,,,,9.000,\"Build failed, see the log\"");
  }

  @Test
  void resourcesCsvHasASampleRowTaggedWithItsStage(@TempDir Path dir) throws Exception {
    CsvReports.write(runs, dir);
    List<String> lines = Files.readAllLines(dir.resolve(CsvReports.RESOURCES));

    assertThat(lines.get(0))
        .isEqualTo(
            "run,unix_timestamp,seconds_since_run_start,stage,cpu_percent,memory_bytes,"
                + "net_rx_bytes,net_tx_bytes,units");
    // run 1 ends after 75.2 s and run 2 after 65.2 s: samples at 1..75 and 1..65 s, run 3 one
    assertThat(lines).hasSize(1 + 75 + 65 + 1);
    assertThat(lines.get(1))
        .isEqualTo("1,1795428001.000,1.000,image_build,10.0,536870912,1000,500,7");
    Map<String, Long> perStage =
        lines.stream()
            .skip(1)
            .map(line -> line.split(",")[3])
            .collect(Collectors.groupingBy(stage -> stage, Collectors.counting()));
    assertThat(perStage)
        .containsEntry("image_build", 20L + 20 + 1)
        .containsEntry("training", 20L + 10)
        .containsEntry("finishing", 2L)
        .doesNotContainKey("submission");
    assertThat(lines.stream().skip(1).filter(line -> line.contains(",training,")))
        .allMatch(line -> line.contains(",100.0,1073741824,"));
  }

  @Test
  void roundsCsvHasARowPerRound(@TempDir Path dir) throws Exception {
    CsvReports.write(runs, dir);
    List<String> lines = Files.readAllLines(dir.resolve(CsvReports.ROUNDS));

    assertThat(lines.get(0)).isEqualTo("run,source,round,loss,accuracy,duration_s");
    assertThat(lines).hasSize(1 + 3 + 2);
    assertThat(lines.get(3)).isEqualTo("1,aggregator,3,0.333333,0.800000,10.000");
    assertThat(lines.stream().skip(1).map(line -> Arrays.asList(line.split(",")).get(0)))
        .containsExactly("1", "1", "1", "2", "2");
  }
}
