package io.flops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of the {@code flops} command line in this JVM, with what it printed.
 *
 * @param exitCode its exit code
 * @param out its standard output
 * @param err its standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code flops <args>}. */
  public static CliRun of(String... args) {
    CommandLine cli = FlopsCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code flops <command> --manager-url <manager> <args>}. */
  public static CliRun against(StubManager manager, String command, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = command;
    all[1] = "--manager-url";
    all[2] = manager.url().toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return of(all);
  }
}
