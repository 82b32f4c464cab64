package io.flops.manager.lifecycle;

import io.flops.common.orchestration.DeploymentStatus;
import io.flops.manager.lifecycle.Signal.ServiceFailed;
import io.flops.manager.project.DeployedService;
import java.util.List;
import java.util.Locale;

/** What the watchdog tells about a service the orchestrator reports badly, in one sentence. */
final class ServiceReports {

  private ServiceReports() {}

  /** The service failed or the platform no longer knows it. */
  static ServiceFailed failed(DeployedService service, DeploymentStatus status, List<String> logs) {
    String reason =
        "Service "
            + service.name()
            + " ("
            + component(service)
            + ") is "
            + status.state()
            + (status.message() == null ? "" : ": " + status.message())
            + lastLines(logs);
    return new ServiceFailed(component(service), reason, service.deploymentId());
  }

  /** A one-shot service that must report its end exited without doing so. */
  static ServiceFailed exitedSilently(
      DeployedService service, DeploymentStatus status, List<String> logs) {
    Integer code = status.instances().isEmpty() ? null : status.instances().get(0).exitCode();
    String reason =
        component(service)
            + " "
            + service.name()
            + " exited (code "
            + (code == null ? 0 : code)
            + ") without reporting"
            + lastLines(logs);
    return new ServiceFailed(component(service), reason, service.deploymentId());
  }

  private static String component(DeployedService service) {
    return service.role().name().toLowerCase(Locale.ROOT);
  }

  private static String lastLines(List<String> logs) {
    List<String> lines = logs.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return lines.isEmpty() ? "." : "; last log lines: " + String.join(" | ", lines);
  }
}
