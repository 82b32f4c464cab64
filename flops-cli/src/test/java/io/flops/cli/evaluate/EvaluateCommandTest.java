package io.flops.cli.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.FlopsCli;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvaluateCommandTest {

  private static Evaluation.Settings settings(String... args) {
    CommandLine cli = FlopsCli.commandLine();
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    EvaluateCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
    return command.settings();
  }

  @Test
  void withoutOptionsItStartsAManagerAndRunsTheMnistExampleThreeTimes() {
    Evaluation.Settings settings = settings("evaluate", "--home=/opt/flops", "--out=/tmp/ev");

    assertThat(settings.managerUrl()).isNull();
    assertThat(settings.slaFile()).isEqualTo(Path.of("/opt/flops/examples/mnist-dl4j/sla.json"));
    assertThat(settings.runs()).isEqualTo(3);
    assertThat(settings.shape()).isEqualTo(new EvaluationSla.Shape(2, 2, 2, false));
    assertThat(settings.sampleInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(settings.mockPartitions()).isEqualTo(2);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/ev/manager"));
    assertThat(settings.containerEngine()).isNull();
  }

  @Test
  void aRunningManagerGetsNoMockDataUnlessAskedAndTheGivenLabelsReplaceTheDefaults() {
    Evaluation.Settings settings =
        settings(
            "evaluate",
            "--manager-url=http://flops:5072",
            "--containers=unix:///var/run/docker.sock",
            "--container-label=app=flops",
            "--sample-interval=2s",
            "--hierarchical",
            "--runs=10");

    assertThat(settings.managerUrl()).isEqualTo(URI.create("http://flops:5072"));
    assertThat(settings.mockPartitions()).isZero();
    assertThat(settings.containerEngine()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
    assertThat(settings.containerLabels()).isEqualTo(List.of("app=flops"));
    assertThat(settings.sampleInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.shape().hierarchical()).isTrue();
    assertThat(settings.runs()).isEqualTo(10);
  }
}
