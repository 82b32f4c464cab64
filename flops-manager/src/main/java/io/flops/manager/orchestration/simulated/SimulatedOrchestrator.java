package io.flops.manager.orchestration.simulated;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.orchestration.Volume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * An orchestrator that runs no process: each service "runs" at once and its component plays the
 * events the real one would send, through the real broker, with the project's own broker identity
 * and event key from its launch environment ({@link SimulatedComponents}), one step every {@code
 * stepDelay}. One-shot services complete after their last event; the others run until undeployed.
 * For tests and benchmarks of the control plane at a scale no machine could run for real ({@code
 * flops.orchestrator.type=simulated}); never for users.
 */
public final class SimulatedOrchestrator implements Orchestrator, AutoCloseable {

  private final Map<String, SimulatedService> services = new ConcurrentHashMap<>();
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final AtomicLong ids = new AtomicLong();
  private final ScheduledExecutorService steps;
  private final Duration stepDelay;
  private final boolean aligned;
  private final Function<ServiceSpec, List<SimulatedComponents.Step>> script;

  /**
   * @param stepDelay the time before a component's first step and between its steps
   * @param aligned whether every component's steps play together on the next multiple of {@code
   *     stepDelay} (of the epoch) at least {@code stepDelay} after its deployment, one right after
   *     the other: bursts of events for benchmarks
   * @param script the steps a service's component plays (none: it just runs)
   */
  public SimulatedOrchestrator(
      Duration stepDelay,
      boolean aligned,
      int threads,
      Function<ServiceSpec, List<SimulatedComponents.Step>> script) {
    this.stepDelay = stepDelay;
    this.aligned = aligned;
    this.script = script;
    this.steps =
        Executors.newScheduledThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "simulated-components");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public String ensureApplication(ApplicationSpec application) {
    return "app-" + application.name();
  }

  @Override
  public void deleteApplication(String applicationId) {
    services
        .values()
        .removeIf(
            s -> s.spec().applicationId().equals(applicationId) && names.remove(s.spec().name()));
  }

  @Override
  public String deploy(ServiceSpec spec) {
    Volume.refuseAny(spec, "the simulated orchestrator");
    if (!names.add(spec.name())) {
      throw new OrchestrationException(
          "Service " + spec.name() + " is already deployed; undeploy it before deploying again");
    }
    String id = spec.name() + "-" + ids.incrementAndGet();
    SimulatedService service = new SimulatedService(spec);
    services.put(id, service);
    List<SimulatedComponents.Step> plan = script.apply(spec);
    if (!plan.isEmpty()) {
      steps.schedule(() -> play(service, plan, 0), firstDelayMillis(), TimeUnit.MILLISECONDS);
    }
    return id;
  }

  /** Plays step {@code index} of {@code plan}, then schedules the next one (in order). */
  private void play(SimulatedService service, List<SimulatedComponents.Step> plan, int index) {
    boolean last = index == plan.size() - 1;
    service.play(plan.get(index), last);
    if (!last) {
      long delay = aligned ? 0 : stepDelay.toMillis();
      steps.schedule(() -> play(service, plan, index + 1), delay, TimeUnit.MILLISECONDS);
    }
  }

  private long firstDelayMillis() {
    long delay = stepDelay.toMillis();
    if (!aligned || delay == 0) {
      return delay;
    }
    long now = System.currentTimeMillis();
    long release = Math.floorDiv(now + delay + delay - 1, delay) * delay;
    return release - now;
  }

  @Override
  public void scale(String deploymentId, int instances) {
    SimulatedService service = services.get(deploymentId);
    if (service != null) {
      service.scale(instances);
    }
  }

  @Override
  public void undeploy(String deploymentId) {
    SimulatedService removed = services.remove(deploymentId);
    if (removed != null) {
      names.remove(removed.spec().name());
    }
  }

  @Override
  public DeploymentStatus status(String deploymentId) {
    SimulatedService service = services.get(deploymentId);
    if (service == null) {
      return DeploymentStatus.unknown(deploymentId);
    }
    DeploymentState state = service.state();
    Integer exit = state == DeploymentState.COMPLETED ? 0 : null;
    List<InstanceStatus> instances =
        IntStream.range(0, service.instances())
            .mapToObj(i -> new InstanceStatus(i, state, exit, null))
            .toList();
    return new DeploymentStatus(deploymentId, state, instances, null);
  }

  @Override
  public ServiceAddress address(String deploymentId, int instance) {
    SimulatedService service = services.get(deploymentId);
    if (service == null) {
      throw new OrchestrationException("No simulated service " + deploymentId);
    }
    Map<Integer, Integer> ports = new java.util.LinkedHashMap<>();
    service.spec().ports().forEach(port -> ports.put(port, port));
    return new ServiceAddress(service.spec().name() + ".simulated", ports);
  }

  @Override
  public List<Cluster> activeClusters() {
    return List.of(new Cluster("simulated", "simulated"));
  }

  @Override
  public List<String> recentLogs(String deploymentId, int instance, int lines) {
    SimulatedService service = services.get(deploymentId);
    return service == null ? List.of() : service.log(lines);
  }

  /** What runs now, by kind. */
  public List<ServiceKind> running() {
    return services.values().stream().map(s -> s.spec().kind()).toList();
  }

  @Override
  public void close() {
    steps.shutdownNow();
  }
}
