package io.flops.cli.project;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.common.api.ProjectView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops status <id>}: one project's state, results and timeline. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Shows a project: state, repository, results, URLs, stage timings, timeline.")
public final class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "<id>", description = "The project id.")
  String id;

  @Override
  public Integer call() {
    ProjectView project = manager.client().project(id);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, project);
    } else {
      ProjectText.status(project).forEach(out::println);
      out.flush();
    }
    return ExitCode.OK.code();
  }
}
