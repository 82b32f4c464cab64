package io.flops.cli.nodes;

import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.common.api.DataServerCertificateView;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code flops nodes data-server-certificate}: prints, as an environment file, the variables a data
 * server on a real node starts with to serve Arrow Flight over TLS with a certificate of the
 * manager's authority.
 */
@Command(
    name = "data-server-certificate",
    mixinStandardHelpOptions = true,
    description =
        "Asks the manager (admin token) for a fresh data server certificate and prints the"
            + " variables to start the data server with, one NAME=value per line, e.g."
            + " 'flops nodes data-server-certificate > dataserver.env' and 'docker run --env-file"
            + " dataserver.env ...'. The file holds a private key: keep it like a password.")
public final class DataServerCertificateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Override
  public Integer call() {
    DataServerCertificateView certificate = manager.client().dataServerCertificate();
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "# data server certificate naming "
            + certificate.serverName()
            + ", valid until "
            + certificate.validUntil());
    for (Map.Entry<String, String> variable : new TreeMap<>(certificate.environment()).entrySet()) {
      out.println(variable.getKey() + "=" + variable.getValue());
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
