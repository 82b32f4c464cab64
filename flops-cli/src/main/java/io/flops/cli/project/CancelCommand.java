package io.flops.cli.project;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.common.api.ProjectView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops cancel <id>}: stops a project and everything it started. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancels a project: the manager undeploys everything it started for it.",
      "A project that already ended cannot be cancelled (exit code 5)."
    })
public final class CancelCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Parameters(index = "0", paramLabel = "<id>", description = "The project id.")
  String id;

  @Override
  public Integer call() {
    ProjectView project = manager.client().cancel(id);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Cancelled project "
            + project.id()
            + " ("
            + project.state()
            + "); the manager undeployed its services.");
    out.flush();
    return ExitCode.OK.code();
  }
}
