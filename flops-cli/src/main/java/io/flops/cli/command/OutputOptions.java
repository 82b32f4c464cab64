package io.flops.cli.command;

import io.flops.cli.client.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --output text|json} of the commands that read from the manager. */
public final class OutputOptions {

  /** How a command prints what it read. */
  public enum Format {
    /** Lines and tables for people. */
    TEXT,
    /** The manager's resources as JSON ({@code io.flops.common.api}), for scripts. */
    JSON
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<format>",
      defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.TEXT;

  /** True for {@code --output json}. */
  public boolean json() {
    return format == Format.JSON;
  }

  /** Prints {@code value} as indented JSON. */
  public static void printJson(PrintWriter out, Object value) {
    out.println(Json.pretty(value));
    out.flush();
  }
}
