package io.flops.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.CliRun;
import org.junit.jupiter.api.Test;

/** flops completion prints picocli's completion script for every command. */
class CompletionTest {

  @Test
  void theScriptCompletesTheCommandsAndTheirOptions() {
    CliRun run = CliRun.of("completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -F _complete_flops")
        .contains("submit", "watch", "status", "list", "cancel", "events", "logs")
        .contains("tracking", "nodes", "data", "init")
        .contains("--manager-url", "--partitioner", "--template");
    assertThat(CliRun.of("--help").out()).contains("completion");
  }
}
