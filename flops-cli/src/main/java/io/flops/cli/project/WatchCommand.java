package io.flops.cli.project;

import io.flops.cli.command.ManagerOptions;
import io.flops.cli.progress.Terminal;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops watch <id>}: the demo's progress view of a project until it ends. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Shows a project's progress until it ends: states, build steps, learners, warnings, a table"
          + " of the rounds, then the results.",
      "Exit code 0 when it COMPLETED, 8 when it FAILED, 9 when it was CANCELLED. Ctrl-C stops"
          + " watching; the project keeps running."
    })
public final class WatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Parameters(index = "0", paramLabel = "<id>", description = "The project id.")
  String id;

  @Option(
      names = "--timeout",
      paramLabel = "<minutes>",
      description = "Stop watching after this many minutes (exit code 10) (default: none).")
  Integer timeoutMinutes;

  @Override
  public Integer call() {
    Duration timeout =
        timeoutMinutes == null ? Watching.FOREVER : Duration.ofMinutes(timeoutMinutes);
    Terminal terminal = Terminal.of(spec.commandLine().getOut());
    return new Watching(manager.client(), terminal).watch(id, timeout).code();
  }
}
