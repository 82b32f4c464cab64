package io.flops.manager.support;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A test double of the Orchestrator port: remembers what was deployed, reports RUNNING until a test
 * says otherwise, hands out loopback addresses.
 */
public class InMemoryOrchestrator implements Orchestrator {

  /** The host of every {@link #publicAddress}. */
  public static final String PUBLIC_HOST = "203.0.113.7";

  private final Map<String, ServiceSpec> specs = new ConcurrentHashMap<>();
  private final Map<String, DeploymentState> states = new ConcurrentHashMap<>();
  private final Map<String, String> applications = new ConcurrentHashMap<>();
  private final List<String> deletedApplications = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile List<Cluster> clusters = List.of(new Cluster("c0", "local"));

  @Override
  public String ensureApplication(ApplicationSpec application) {
    return applications.computeIfAbsent(
        application.customerId() + "/" + application.name(), key -> "app-" + key);
  }

  @Override
  public synchronized void deleteApplication(String applicationId) {
    deletedApplications.add(applicationId);
  }

  @Override
  public synchronized String deploy(ServiceSpec spec) {
    boolean taken =
        specs.entrySet().stream()
            .anyMatch(
                e ->
                    e.getValue().name().equals(spec.name())
                        && states.get(e.getKey()) != DeploymentState.UNDEPLOYED);
    if (taken) {
      throw new OrchestrationException("Service " + spec.name() + " is already deployed");
    }
    String id = "dep-" + ids.incrementAndGet();
    specs.put(id, spec);
    states.put(id, DeploymentState.RUNNING);
    return id;
  }

  @Override
  public void scale(String deploymentId, int instances) {}

  @Override
  public void undeploy(String deploymentId) {
    states.computeIfPresent(deploymentId, (id, state) -> DeploymentState.UNDEPLOYED);
  }

  @Override
  public DeploymentStatus status(String deploymentId) {
    DeploymentState state = states.get(deploymentId);
    return state == null
        ? DeploymentStatus.unknown(deploymentId)
        : new DeploymentStatus(
            deploymentId, state, List.of(), state == DeploymentState.FAILED ? "exit code 1" : null);
  }

  @Override
  public ServiceAddress address(String deploymentId, int instance) {
    ServiceSpec spec = specs.get(deploymentId);
    if (spec == null) {
      throw new OrchestrationException("Unknown deployment " + deploymentId);
    }
    Map<Integer, Integer> ports = new HashMap<>();
    int base = 40_000 + Integer.parseInt(deploymentId.substring(4)) * 10;
    spec.ports().forEach(p -> ports.put(p, base + ports.size()));
    return new ServiceAddress("127.0.0.1", ports);
  }

  /** Users reach instances at {@link #PUBLIC_HOST} (a documentation address: nothing answers). */
  @Override
  public Optional<ServiceAddress> publicAddress(String deploymentId, int instance) {
    return Optional.of(new ServiceAddress(PUBLIC_HOST, address(deploymentId, instance).ports()));
  }

  @Override
  public List<Cluster> activeClusters() {
    return clusters;
  }

  @Override
  public List<String> recentLogs(String deploymentId, int instance, int lines) {
    return List.of();
  }

  /** Sets what {@link #activeClusters()} reports. */
  public void setClusters(List<Cluster> clusters) {
    this.clusters = List.copyOf(clusters);
  }

  /** Makes a deployment report {@code state}. */
  public void setState(String deploymentId, DeploymentState state) {
    states.put(deploymentId, state);
  }

  /** Every spec deployed so far, by deployment id. */
  public Map<String, ServiceSpec> deployed() {
    return Map.copyOf(specs);
  }

  /** The specs of deployments that are not undeployed. */
  public List<ServiceSpec> running() {
    return specs.entrySet().stream()
        .filter(e -> states.get(e.getKey()) != DeploymentState.UNDEPLOYED)
        .map(Map.Entry::getValue)
        .toList();
  }

  /**
   * The deployment id of the service named {@code name}, waiting up to 10 s for it: the manager
   * deploys right after it saved the step that asks for the service.
   */
  public String idOf(String name) {
    awaitUntil(orchestrator -> orchestrator.lastIdOf(name).isPresent());
    return lastIdOf(name)
        .orElseThrow(
            () -> new AssertionError("no service named " + name + " in " + specs.values()));
  }

  private Optional<String> lastIdOf(String name) {
    return specs.entrySet().stream()
        .filter(e -> e.getValue().name().equals(name))
        .map(Map.Entry::getKey)
        .reduce((first, second) -> second);
  }

  /**
   * Waits up to 10 s until {@code condition} holds (the manager acts right after it saved a step;
   * the caller asserts afterwards).
   */
  public void awaitUntil(Predicate<InMemoryOrchestrator> condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.test(this) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Waits up to 10 s until nothing of {@code projectId} runs (the caller asserts afterwards). */
  public void awaitNothingRunningOf(String projectId) {
    awaitUntil(o -> o.running().stream().noneMatch(s -> projectId.equals(s.projectId())));
  }

  public synchronized List<String> deletedApplications() {
    return List.copyOf(deletedApplications);
  }
}
