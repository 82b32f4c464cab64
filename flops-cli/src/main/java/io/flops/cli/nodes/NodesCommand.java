package io.flops.cli.nodes;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.common.api.NodeView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code flops nodes}: the learner nodes, their clusters and data servers with what they hold. */
@Command(
    name = "nodes",
    mixinStandardHelpOptions = true,
    subcommands = DataServerCertificateCommand.class,
    description =
        "Lists the learner nodes by cluster with their data servers: address, whether it answers,"
            + " and per data tag the data sets, rows and bytes it holds.")
public final class NodesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    List<NodeView> nodes = manager.client().nodes();
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, nodes);
    } else if (nodes.isEmpty()) {
      out.println("The manager knows no learner nodes.");
    } else {
      NodesTable.lines(nodes).forEach(out::println);
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
