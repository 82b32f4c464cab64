package io.flops.cli.project;

import io.flops.cli.client.ProjectList;
import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code flops list}: the manager's projects, newest first, all of them or the newest few. */
@Command(
    name = "list",
    aliases = "ls",
    mixinStandardHelpOptions = true,
    description = "Lists the projects, newest first.")
public final class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Option(
      names = "--state",
      paramLabel = "<state>",
      description = "Only projects in this state: ${COMPLETION-CANDIDATES}.")
  ProjectState state;

  @Option(
      names = "--customer",
      paramLabel = "<customerID>",
      description = "Only this customer's projects.")
  String customer;

  @Option(
      names = "--limit",
      paramLabel = "<n>",
      description = "Only the newest <n> projects (default: all, read a page at a time).")
  Integer limit;

  @Override
  public Integer call() {
    if (limit != null && limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit must be at least 1.");
    }
    ProjectList listed =
        manager.client().projects(state, customer, limit == null ? Integer.MAX_VALUE : limit);
    List<ProjectSummary> projects = listed.projects();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, projects);
    } else if (projects.isEmpty()) {
      out.println("No projects.");
    } else {
      ProjectText.table(projects).forEach(out::println);
      if (listed.truncated()) {
        out.println(
            "The newest "
                + projects.size()
                + " of "
                + listed.total()
                + " projects; a larger --limit shows more.");
      }
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
