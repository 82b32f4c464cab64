package io.flops.cli.command;

import io.flops.cli.client.ManagerApiException;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one sentence on standard error and its {@link ExitCode}; no stack
 * trace, the message says what failed and what to do.
 */
public final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String prefix = "flops " + command.getCommandName() + ": ";
    if (failure instanceof ManagerApiException call) {
      ExitCode code = ExitCode.of(call);
      err.println(prefix + call.getMessage());
      hint(code).ifPresent(err::println);
      err.flush();
      return code.code();
    }
    err.println(
        prefix + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
    err.flush();
    return ExitCode.ERROR.code();
  }

  private static Optional<String> hint(ExitCode code) {
    return Optional.ofNullable(
        switch (code) {
          case UNREACHABLE ->
              "Is a manager running there? Point at it with --manager-url or FLOPS_MANAGER_URL.";
          case UNAUTHORIZED -> "Give the manager's token with --token or FLOPS_TOKEN.";
          default -> null;
        });
  }
}
