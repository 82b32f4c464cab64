package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.orchestration.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: every instance is a child process on this host (a JVM for FLOps' images),
 * started from what the builder built. See {@code docs/orchestration.md} for ports, simulated
 * clusters and data servers.
 */
public final class LocalProcessOrchestrator implements Orchestrator, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalProcessOrchestrator.class);

  private final LaunchResolver resolver;
  private final ProcessWatchdog watchdog;
  private final SimulatedClusters clusters;
  private final InstanceEnvironment environment;
  private final Path workDir;
  private final Duration stopTimeout;
  private final List<String> javaOptions;
  private final Map<String, String> hostEnvironment;
  private final Map<String, LocalDeployment> deployments = new LinkedHashMap<>();

  /**
   * @param hostEnvironment the manager's environment, of which children inherit only {@link
   *     HostEnvironment#INHERITED}
   */
  LocalProcessOrchestrator(
      LaunchResolver resolver,
      Path workDir,
      int clusters,
      Duration stopTimeout,
      List<String> javaOptions,
      Map<String, String> hostEnvironment) {
    this.hostEnvironment = HostEnvironment.inherited(hostEnvironment);
    this.resolver = resolver;
    this.workDir = workDir.toAbsolutePath();
    this.watchdog = new ProcessWatchdog(this.workDir, stopTimeout);
    this.clusters = new SimulatedClusters(clusters);
    this.environment = new InstanceEnvironment(this.clusters);
    this.stopTimeout = stopTimeout;
    this.javaOptions = List.copyOf(javaOptions);
  }

  @Override
  public String ensureApplication(ApplicationSpec application) {
    return application.name();
  }

  @Override
  public void deleteApplication(String applicationId) {
    List<String> ids;
    synchronized (this) {
      ids =
          deployments.values().stream()
              .filter(d -> applicationId.equals(d.spec().applicationId()) && !d.isUndeployed())
              .map(LocalDeployment::id)
              .toList();
    }
    ids.forEach(this::undeploy);
  }

  @Override
  public synchronized String deploy(ServiceSpec spec) {
    Volume.refuseAny(spec, "the local process orchestrator");
    boolean taken =
        deployments.values().stream()
            .anyMatch(d -> !d.isUndeployed() && d.spec().name().equals(spec.name()));
    if (taken) {
      throw new OrchestrationException(
          "Service " + spec.name() + " is already deployed; undeploy it before deploying again");
    }
    LaunchPlan plan = resolver.resolve(spec);
    String id = spec.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDeployment deployment = new LocalDeployment(id, spec, plan);
    deployments.put(id, deployment);
    for (int i = 0; i < spec.instances(); i++) {
      start(deployment);
    }
    log.info("Deployed {} ({} instance(s)) from {}", id, spec.instances(), spec.image());
    return id;
  }

  @Override
  public void scale(String deploymentId, int instances) {
    List<LocalInstance> surplus = new ArrayList<>();
    synchronized (this) {
      LocalDeployment deployment = live(deploymentId);
      List<LocalInstance> current = deployment.instances();
      for (int i = current.size(); i < instances; i++) {
        start(deployment);
      }
      for (int i = current.size() - 1; i >= instances && i >= 0; i--) {
        surplus.add(deployment.remove(current.get(i).number()));
      }
    }
    surplus.forEach(instance -> instance.stop(stopTimeout));
  }

  @Override
  public void undeploy(String deploymentId) {
    List<LocalInstance> instances;
    synchronized (this) {
      LocalDeployment deployment = deployments.get(deploymentId);
      if (deployment == null || deployment.isUndeployed()) {
        return;
      }
      deployment.markUndeployed();
      instances = deployment.instances();
    }
    instances.parallelStream().forEach(instance -> instance.stop(stopTimeout));
    log.info("Undeployed {}", deploymentId);
  }

  @Override
  public synchronized DeploymentStatus status(String deploymentId) {
    LocalDeployment deployment = deployments.get(deploymentId);
    return deployment == null ? DeploymentStatus.unknown(deploymentId) : deployment.status();
  }

  @Override
  public synchronized ServiceAddress address(String deploymentId, int instance) {
    LocalDeployment deployment = deployments.get(deploymentId);
    LocalInstance found = deployment == null ? null : deployment.instance(instance);
    if (found == null) {
      throw new OrchestrationException(
          "No instance " + instance + " of deployment " + deploymentId + " on this host");
    }
    return new ServiceAddress("127.0.0.1", found.ports());
  }

  @Override
  public List<Cluster> activeClusters() {
    return clusters.all();
  }

  /** Child processes of the manager. */
  @Override
  public Locality locality() {
    return Locality.HOST_PROCESSES;
  }

  @Override
  public List<String> recentLogs(String deploymentId, int instance, int lines) {
    Path logFile;
    synchronized (this) {
      LocalDeployment deployment = deployments.get(deploymentId);
      LocalInstance found = deployment == null ? null : deployment.instance(instance);
      if (found == null) {
        return List.of();
      }
      logFile = found.logFile();
    }
    try {
      List<String> all = Files.readAllLines(logFile);
      return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return List.of();
    }
  }

  /** The process ids of every instance still alive (for tests and diagnostics). */
  public synchronized List<Long> livePids() {
    return deployments.values().stream()
        .flatMap(d -> d.instances().stream())
        .filter(LocalInstance::isAlive)
        .map(LocalInstance::pid)
        .toList();
  }

  /** Stops every instance; called when the manager shuts down. */
  @Override
  public void close() {
    List<String> ids;
    synchronized (this) {
      ids = List.copyOf(deployments.keySet());
    }
    ids.forEach(this::undeploy);
  }

  private LocalDeployment live(String deploymentId) {
    LocalDeployment deployment = deployments.get(deploymentId);
    if (deployment == null || deployment.isUndeployed()) {
      throw new OrchestrationException("No deployment " + deploymentId + " to scale on this host");
    }
    return deployment;
  }

  private void start(LocalDeployment deployment) {
    ServiceSpec spec = deployment.spec();
    int number = deployment.nextInstanceNumber();
    Path dir = workDir.resolve(spec.name()).resolve(Integer.toString(number));
    Path logFile = dir.resolve(spec.name() + "-" + number + ".log");
    InstanceEnvironment.Assignment assignment = environment.assign(spec, number, dir);
    try {
      Files.createDirectories(dir);
      ProcessBuilder builder =
          new ProcessBuilder(watchdog.wrap(command(deployment.plan(), spec)))
              .directory(
                  deployment.plan().workingDir() != null
                      ? deployment.plan().workingDir().toFile()
                      : dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      builder.environment().clear();
      builder.environment().putAll(hostEnvironment);
      builder.environment().putAll(deployment.plan().environment());
      builder.environment().putAll(assignment.environment());
      Process process = builder.start();
      deployment.add(
          new LocalInstance(
              number, assignment.node(), process, assignment.ports(), logFile, spec.oneShot()));
    } catch (IOException e) {
      throw new OrchestrationException(
          "Could not start service " + spec.name() + " instance " + number + ": " + e.getMessage(),
          false,
          e);
    }
  }

  private List<String> command(LaunchPlan plan, ServiceSpec spec) {
    List<String> command = new ArrayList<>(plan.command());
    if (plan.isJava()) {
      List<String> options = new ArrayList<>(javaOptions);
      int memoryMb = spec.resources().memoryMb();
      if (memoryMb > 0) {
        options.add("-Xmx" + memoryMb * 3 / 4 + "m");
        options.add("-XX:MaxDirectMemorySize=" + Math.max(16, memoryMb / 4) + "m");
      }
      if (spec.resources().vcpus() > 0) {
        options.add("-XX:ActiveProcessorCount=" + spec.resources().vcpus());
      }
      command.addAll(1, options);
    }
    return command;
  }
}
