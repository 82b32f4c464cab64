package io.flops.cli.tracking;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.common.api.TrackingKind;
import io.flops.common.api.TrackingView;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code flops tracking}: where the runs are in MLflow. */
@Command(
    name = "tracking",
    mixinStandardHelpOptions = true,
    description =
        "Shows where a customer's runs are tracked: the MLflow server's URL, or the file store"
            + " and the 'mlflow ui' command that opens it.")
public final class TrackingCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Option(
      names = "--customer",
      paramLabel = "<customerID>",
      description = "The customer (needed when the manager runs a tracking server per customer).")
  String customer;

  @Override
  public Integer call() {
    TrackingView tracking = manager.client().tracking(customer);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, tracking);
      return ExitCode.OK.code();
    }
    switch (tracking.kind() == null ? TrackingKind.NONE : tracking.kind()) {
      case SERVER -> out.println("MLflow tracking server: " + tracking.trackingUrl());
      case FILE_STORE -> {
        out.println("MLflow file store: " + tracking.storeDirectory());
        out.println("See the runs with: " + tracking.uiCommand());
      }
      case NONE -> out.println("Tracking is switched off on this manager.");
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
