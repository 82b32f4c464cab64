package io.flops.cli.events;

import io.flops.cli.client.Json;
import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops events <id>}: every event of a project, optionally following new ones. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a project's events (states, build steps, rounds, learners, logs), oldest first.",
      "--follow keeps printing new ones (server-sent events) until the project ended;"
          + " --output json prints one JSON object per line."
    })
public final class EventsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "<id>", description = "The project id.")
  String id;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new events until the project ended.")
  boolean follow;

  @Option(
      names = "--since",
      paramLabel = "<seq>",
      defaultValue = "0",
      description = "Only events after this position (default: ${DEFAULT-VALUE}, all).")
  long since;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    new EventFollower(manager.client(), Duration.ofSeconds(2))
        .read(
            id,
            since,
            follow,
            event -> {
              out.println(output.json() ? Json.line(event) : EventText.event(event));
              out.flush();
            });
    return ExitCode.OK.code();
  }
}
