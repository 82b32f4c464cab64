package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import java.util.ArrayList;
import java.util.List;

/** Maps Oakestra's service documents and status values (API.md §3.5) to a DeploymentStatus. */
final class OakestraStates {

  private OakestraStates() {}

  static DeploymentStatus of(String deploymentId, String serviceName, JsonNode service) {
    String serviceStatus = service.path("status").asText("");
    List<InstanceStatus> instances = new ArrayList<>();
    for (JsonNode instance : service.path("instance_list")) {
      String status = instance.path("status").asText("");
      DeploymentState state = instanceState(status);
      String detail = instance.path("status_detail").asText("");
      String message =
          state == DeploymentState.FAILED
              ? "failed on Oakestra (" + status + (detail.isEmpty() ? "" : ": " + detail) + ")"
              : null;
      instances.add(
          new InstanceStatus(instance.path("instance_number").asInt(), state, null, message));
    }
    if (isSchedulingFailure(serviceStatus)) {
      return new DeploymentStatus(
          deploymentId,
          DeploymentState.FAILED,
          instances,
          "Oakestra could not place service " + serviceName + ": " + serviceStatus);
    }
    if (instances.isEmpty()) {
      return new DeploymentStatus(deploymentId, DeploymentState.REQUESTED, instances, null);
    }
    return aggregate(deploymentId, serviceName, instances);
  }

  private static DeploymentStatus aggregate(
      String deploymentId, String serviceName, List<InstanceStatus> instances) {
    for (InstanceStatus instance : instances) {
      if (instance.state() == DeploymentState.FAILED) {
        return new DeploymentStatus(
            deploymentId,
            DeploymentState.FAILED,
            instances,
            "Service "
                + serviceName
                + " instance "
                + instance.instance()
                + " "
                + instance.message());
      }
    }
    DeploymentState state;
    if (instances.stream().allMatch(i -> i.state() == DeploymentState.COMPLETED)) {
      state = DeploymentState.COMPLETED;
    } else if (instances.stream().anyMatch(i -> i.state() == DeploymentState.RUNNING)) {
      state = DeploymentState.RUNNING;
    } else if (instances.stream().anyMatch(i -> i.state() == DeploymentState.SCHEDULED)) {
      state = DeploymentState.SCHEDULED;
    } else {
      state = DeploymentState.REQUESTED;
    }
    return new DeploymentStatus(deploymentId, state, instances, null);
  }

  static DeploymentState instanceState(String status) {
    if (isSchedulingFailure(status)) {
      return DeploymentState.FAILED;
    }
    return switch (status) {
      case "CLUSTER_SCHEDULED", "NODE_SCHEDULED", "CREATING", "CREATED", "DEAD" ->
          DeploymentState.SCHEDULED;
      case "RUNNING" -> DeploymentState.RUNNING;
      case "COMPLETED" -> DeploymentState.COMPLETED;
      case "FAILED" -> DeploymentState.FAILED;
      case "UNDEPLOYED" -> DeploymentState.UNDEPLOYED;
      default -> DeploymentState.REQUESTED;
    };
  }

  /** Negative scheduling results, set as the service's status (API.md §3.5). */
  static boolean isSchedulingFailure(String status) {
    return status.startsWith("Target") || status.startsWith("NoActive") || status.startsWith("NO_");
  }
}
