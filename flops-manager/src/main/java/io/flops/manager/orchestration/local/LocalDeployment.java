package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import io.flops.common.orchestration.ServiceSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A deployed service: its spec, launch plan and instances. Guarded by the orchestrator's lock. */
final class LocalDeployment {

  private final String id;
  private final ServiceSpec spec;
  private final LaunchPlan plan;
  private final Map<Integer, LocalInstance> instances = new TreeMap<>();
  private int nextInstance;
  private boolean undeployed;

  LocalDeployment(String id, ServiceSpec spec, LaunchPlan plan) {
    this.id = id;
    this.spec = spec;
    this.plan = plan;
  }

  String id() {
    return id;
  }

  ServiceSpec spec() {
    return spec;
  }

  LaunchPlan plan() {
    return plan;
  }

  int nextInstanceNumber() {
    return nextInstance++;
  }

  void add(LocalInstance instance) {
    instances.put(instance.number(), instance);
  }

  LocalInstance instance(int number) {
    return instances.get(number);
  }

  /** Instances that have not been scaled away, in instance order. */
  List<LocalInstance> instances() {
    return new ArrayList<>(instances.values());
  }

  LocalInstance remove(int number) {
    return instances.remove(number);
  }

  boolean isUndeployed() {
    return undeployed;
  }

  void markUndeployed() {
    undeployed = true;
  }

  DeploymentStatus status() {
    List<InstanceStatus> states = instances().stream().map(LocalInstance::status).toList();
    if (undeployed) {
      return new DeploymentStatus(id, DeploymentState.UNDEPLOYED, states, null);
    }
    return new DeploymentStatus(id, aggregate(states), states, firstFailure(states));
  }

  private static DeploymentState aggregate(List<InstanceStatus> states) {
    if (states.isEmpty()) {
      return DeploymentState.REQUESTED;
    }
    if (states.stream().anyMatch(s -> s.state() == DeploymentState.FAILED)) {
      return DeploymentState.FAILED;
    }
    if (states.stream().allMatch(s -> s.state() == DeploymentState.COMPLETED)) {
      return DeploymentState.COMPLETED;
    }
    return DeploymentState.RUNNING;
  }

  private String firstFailure(List<InstanceStatus> states) {
    return states.stream()
        .filter(s -> s.state() == DeploymentState.FAILED)
        .findFirst()
        .map(s -> "Service " + spec.name() + " instance " + s.instance() + " " + s.message())
        .orElse(null);
  }
}
