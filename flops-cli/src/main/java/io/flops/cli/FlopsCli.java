package io.flops.cli;

import io.flops.cli.demo.DemoCommand;
import io.flops.cli.evaluate.EvaluateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flops} command: one subcommand per task (docs/cli.md). */
@Command(
    name = "flops",
    mixinStandardHelpOptions = true,
    versionProvider = FlopsCli.Version.class,
    description = "FLOps on the command line.",
    subcommands = {DemoCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class FlopsCli {

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with every subcommand, for tests and embedding. */
  public static CommandLine commandLine() {
    return new CommandLine(new FlopsCli());
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
