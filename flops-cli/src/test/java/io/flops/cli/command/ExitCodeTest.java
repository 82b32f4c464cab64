package io.flops.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.cli.CliRun;
import io.flops.cli.client.ManagerApiException;
import io.flops.common.api.ProjectState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One exit code per outcome, documented in docs/cli.md and in flops --help. */
class ExitCodeTest {

  @Test
  void aFailedCallMapsByItsHttpStatus() {
    Map<Integer, ExitCode> table =
        Map.of(
            0, ExitCode.UNREACHABLE,
            400, ExitCode.REJECTED,
            401, ExitCode.UNAUTHORIZED,
            403, ExitCode.UNAUTHORIZED,
            404, ExitCode.NOT_FOUND,
            409, ExitCode.REJECTED,
            413, ExitCode.REJECTED,
            500, ExitCode.MANAGER_FAILED,
            502, ExitCode.MANAGER_FAILED);

    table.forEach(
        (status, code) ->
            assertThat(ExitCode.of(new ManagerApiException("x", status, null)))
                .as("HTTP %d", status)
                .isEqualTo(code));
  }

  @Test
  void aWatchedProjectEndsWithTheCodeOfItsFinalState() {
    assertThat(ExitCode.of(ProjectState.COMPLETED)).isEqualTo(ExitCode.OK);
    assertThat(ExitCode.of(ProjectState.FAILED)).isEqualTo(ExitCode.FAILED);
    assertThat(ExitCode.of(ProjectState.CANCELLED)).isEqualTo(ExitCode.CANCELLED);
    assertThatThrownBy(() -> ExitCode.of(ProjectState.TRAINING))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void codesAreDistinctAndUsageErrorsArePicocliOwn() {
    assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code).distinct())
        .hasSize(ExitCode.values().length);
    assertThat(ExitCode.USAGE.code()).isEqualTo(picocli.CommandLine.ExitCode.USAGE);
    assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(ExitCode.USAGE.code());
  }

  @Test
  void theHelpAndDocsCliMdListEveryCode() throws Exception {
    String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
    String docs =
        Files.readString(Path.of(System.getProperty("flops.home", ".."), "docs", "cli.md"));

    for (ExitCode code : ExitCode.values()) {
      assertThat(help).contains(code.meaning());
      assertThat(docs).as("docs/cli.md").containsPattern("\\| `" + code.code() + "` \\| ");
    }
  }
}
