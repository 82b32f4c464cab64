package io.flops.cli.events;

import io.flops.cli.client.Json;
import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.common.observer.SequencedEvent;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flops logs <id> <component>}: what one component of a project reported. The manager serves
 * no process output of the services it runs, so this is the component's part of the project's event
 * stream: every event it sent, debug lines included (docs/cli.md).
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what one component of a project reported on the project's event stream: its log"
          + " lines (debug ones when the SLA says verbose), warnings, errors, rounds and steps.",
      "The component is an event source: manager, builder, aggregator, learner-0, ...; 'learner'"
          + " matches every learner. The manager serves no process output of the services;"
          + " a failed service's last output lines are in the project's failure reason."
    })
public final class LogsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "<id>", description = "The project id.")
  String id;

  @Parameters(
      index = "1",
      paramLabel = "<component>",
      description = "The event source, e.g. aggregator, builder, learner-0, learner.")
  String component;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines until the project ended.")
  boolean follow;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Set<String> sources = new TreeSet<>();
    AtomicInteger shown = new AtomicInteger();
    new EventFollower(manager.client(), Duration.ofSeconds(2))
        .read(
            id,
            0,
            follow,
            event -> {
              sources.add(String.valueOf(event.source()));
              if (matches(event)) {
                out.println(output.json() ? Json.line(event) : EventText.log(event));
                out.flush();
                shown.incrementAndGet();
              }
            });
    if (shown.get() > 0 || follow) {
      return ExitCode.OK.code();
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "Project "
            + id
            + " has no events from '"
            + component
            + "'; its components: "
            + (sources.isEmpty() ? "none yet" : String.join(", ", sources)));
    err.flush();
    return ExitCode.NOT_FOUND.code();
  }

  private boolean matches(SequencedEvent event) {
    if (event.source() == null) {
      return false;
    }
    String source = event.source().toLowerCase(Locale.ROOT);
    String wanted = component.toLowerCase(Locale.ROOT);
    return source.equals(wanted) || source.startsWith(wanted + "-");
  }
}
