package io.flops.manager.orchestration.docker;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Maps container states to {@link DeploymentState}s. */
final class ContainerStates {

  private ContainerStates() {}

  static InstanceStatus of(int instance, InspectContainerResponse container, boolean oneShot) {
    InspectContainerResponse.ContainerState state = container.getState();
    if (Boolean.TRUE.equals(state.getRunning())) {
      return new InstanceStatus(instance, DeploymentState.RUNNING, null, null);
    }
    String status = String.valueOf(state.getStatus());
    if (status.equals("created") || status.equals("configured")) {
      return new InstanceStatus(instance, DeploymentState.SCHEDULED, null, null);
    }
    Long exit = state.getExitCodeLong();
    int code = exit == null ? -1 : exit.intValue();
    if (oneShot && code == 0) {
      return new InstanceStatus(instance, DeploymentState.COMPLETED, 0, null);
    }
    String error =
        state.getError() == null || state.getError().isBlank() ? "" : " (" + state.getError() + ")";
    return new InstanceStatus(
        instance, DeploymentState.FAILED, code, "exited with code " + code + error);
  }

  static DeploymentStatus aggregate(String id, String service, List<InstanceStatus> instances) {
    for (InstanceStatus instance : instances) {
      if (instance.state() == DeploymentState.FAILED) {
        return new DeploymentStatus(
            id,
            DeploymentState.FAILED,
            instances,
            "Service " + service + " instance " + instance.instance() + " " + instance.message());
      }
    }
    DeploymentState state;
    if (instances.isEmpty()) {
      state = DeploymentState.REQUESTED;
    } else if (instances.stream().allMatch(i -> i.state() == DeploymentState.COMPLETED)) {
      state = DeploymentState.COMPLETED;
    } else if (instances.stream().anyMatch(i -> i.state() == DeploymentState.RUNNING)) {
      state = DeploymentState.RUNNING;
    } else {
      state = DeploymentState.SCHEDULED;
    }
    return new DeploymentStatus(id, state, instances, null);
  }

  /** The container's IP on {@code network}, else {@code fallback}. */
  static String ipOn(InspectContainerResponse container, String network, String fallback) {
    if (container.getNetworkSettings() == null
        || container.getNetworkSettings().getNetworks() == null) {
      return fallback;
    }
    ContainerNetwork attached = container.getNetworkSettings().getNetworks().get(network);
    String ip = attached == null ? null : attached.getIpAddress();
    return ip == null || ip.isBlank() ? fallback : ip;
  }

  /** Container port → host port, for the ports the engine published. */
  static Map<Integer, Integer> publishedPorts(InspectContainerResponse container) {
    Map<Integer, Integer> published = new TreeMap<>();
    if (container.getNetworkSettings() == null
        || container.getNetworkSettings().getPorts() == null) {
      return published;
    }
    container
        .getNetworkSettings()
        .getPorts()
        .getBindings()
        .forEach(
            (exposed, bindings) -> {
              if (bindings != null && bindings.length > 0) {
                published.put(exposed.getPort(), Integer.parseInt(bindings[0].getHostPortSpec()));
              }
            });
    return published;
  }
}
