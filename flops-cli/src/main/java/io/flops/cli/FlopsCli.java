package io.flops.cli;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.Failures;
import io.flops.cli.data.DataCommand;
import io.flops.cli.demo.DemoCommand;
import io.flops.cli.evaluate.EvaluateCommand;
import io.flops.cli.events.EventsCommand;
import io.flops.cli.events.LogsCommand;
import io.flops.cli.init.InitCommand;
import io.flops.cli.nodes.NodesCommand;
import io.flops.cli.project.CancelCommand;
import io.flops.cli.project.ListCommand;
import io.flops.cli.project.StatusCommand;
import io.flops.cli.project.SubmitCommand;
import io.flops.cli.project.WatchCommand;
import io.flops.cli.tracking.TrackingCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flops} command: one subcommand per task (docs/cli.md). */
@Command(
    name = "flops",
    mixinStandardHelpOptions = true,
    versionProvider = FlopsCli.Version.class,
    description = {
      "FLOps on the command line: run the demo, write an ML repository, submit and follow projects"
          + " on any manager (--manager-url or FLOPS_MANAGER_URL, default http://localhost:5072)."
    },
    subcommands = {
      DemoCommand.class,
      EvaluateCommand.class,
      InitCommand.class,
      SubmitCommand.class,
      WatchCommand.class,
      StatusCommand.class,
      ListCommand.class,
      CancelCommand.class,
      EventsCommand.class,
      LogsCommand.class,
      TrackingCommand.class,
      NodesCommand.class,
      DataCommand.class,
      CommandLine.HelpCommand.class
    })
public final class FlopsCli {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for tests and embedding. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new FlopsCli());
    AutoComplete.GenerateCompletion completion = new AutoComplete.GenerateCompletion();
    cli.addSubcommand("completion", completion);
    CommandLine completionCommand = cli.getSubcommands().get("completion");
    completionCommand.getCommandSpec().usageMessage().hidden(false);
    completionCommand
        .getCommandSpec()
        .usageMessage()
        .description("Prints a bash/zsh completion script for flops: source <(flops completion)");
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new Failures());
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    cli.getCommandSpec().usageMessage().exitCodeList(exitCodes());
    return cli;
  }

  private static Map<String, String> exitCodes() {
    Map<String, String> codes = new LinkedHashMap<>();
    for (ExitCode code : ExitCode.values()) {
      codes.put(Integer.toString(code.code()), code.meaning());
    }
    return codes;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = FlopsCli.class.getPackage().getImplementationVersion();
      return new String[] {"flops " + (version == null ? "(development build)" : version)};
    }
  }
}
