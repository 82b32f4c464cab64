package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.FlopsCli;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options of {@code flops demo}. */
class DemoCommandTest {

  private static DemoOptions parse(String... args) {
    CommandLine cli = FlopsCli.commandLine();
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    DemoCommand demo = (DemoCommand) parsed.subcommand().commandSpec().userObject();
    return demo.options();
  }

  @Test
  void theDefaultsRunTheMnistExampleOnTwoLearnersForThreeRounds() {
    DemoOptions options = parse("demo", "--home", "/opt/flops");

    assertThat(options.home()).isEqualTo(Path.of("/opt/flops"));
    assertThat(options.dataDir()).isEqualTo(Path.of("/opt/flops/.flops-demo"));
    assertThat(options.repository()).isEqualTo(Path.of("/opt/flops/examples/mnist-dl4j"));
    assertThat(options.slaTemplate()).isEqualTo(Path.of("/opt/flops/examples/mnist-dl4j/sla.json"));
    assertThat(options.startsManager()).isTrue();
    assertThat(options.hierarchical()).isFalse();
    assertThat(options.learners()).isEqualTo(2);
    assertThat(options.rounds()).isEqualTo(3);
    assertThat(options.port()).isEqualTo(5072);
  }

  @Test
  void hierarchicalAnExistingManagerAndMoreRounds() {
    DemoOptions options =
        parse(
            "demo",
            "--home=/opt/flops",
            "--hierarchical",
            "--manager-url=http://10.0.0.5:5072",
            "--rounds=5",
            "--manager-arg=--flops.lifecycle.observer-grace=0s");

    assertThat(options.hierarchical()).isTrue();
    assertThat(options.clusters()).isEqualTo(2);
    assertThat(options.managerUrl()).isEqualTo(URI.create("http://10.0.0.5:5072"));
    assertThat(options.startsManager()).isFalse();
    assertThat(options.rounds()).isEqualTo(5);
    assertThat(options.managerArgs()).containsExactly("--flops.lifecycle.observer-grace=0s");
  }
}
