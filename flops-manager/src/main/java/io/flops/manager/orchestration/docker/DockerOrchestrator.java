package io.flops.manager.orchestration.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.DeploymentStatus.InstanceStatus;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.orchestration.Volume;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs services as containers through a Docker Engine API (Docker, or Podman's compatible service).
 * Every container carries labels for its project, application, service and deployment, joins one
 * network (where containers reach each other by name) and gets the service's memory and CPU limits.
 * {@link #deploy} pulls the image and starts the containers before it returns.
 */
public final class DockerOrchestrator implements Orchestrator, AutoCloseable {

  static final String LABEL_DEPLOYMENT = "io.flops.deployment";
  static final String LABEL_SERVICE = "io.flops.service";
  static final String LABEL_PROJECT = "io.flops.project";
  static final String LABEL_APPLICATION = "io.flops.application";
  static final String LABEL_KIND = "io.flops.kind";
  static final String LABEL_INSTANCE = "io.flops.instance";
  static final String LABEL_ONE_SHOT = "io.flops.one-shot";

  private final DockerClient docker;
  private final ContainerFactory containers;
  private final Duration stopTimeout;
  private final boolean managerOnNetwork;
  private final Map<String, ServiceSpec> deployments = new ConcurrentHashMap<>();
  private final Set<String> undeployed = ConcurrentHashMap.newKeySet();

  DockerOrchestrator(
      DockerClient docker,
      String network,
      Duration stopTimeout,
      Duration pullTimeout,
      boolean managerOnNetwork) {
    this.docker = docker;
    this.containers = new ContainerFactory(docker, network, pullTimeout);
    this.stopTimeout = stopTimeout;
    this.managerOnNetwork = managerOnNetwork;
  }

  @Override
  public String ensureApplication(ApplicationSpec application) {
    return application.name();
  }

  @Override
  public void deleteApplication(String applicationId) {
    deployments.entrySet().stream()
        .filter(e -> applicationId.equals(e.getValue().applicationId()))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(this::undeploy);
  }

  @Override
  public synchronized String deploy(ServiceSpec spec) {
    Volume.refuseAny(spec, "the Docker orchestrator");
    if (deployments.values().stream().anyMatch(s -> s.name().equals(spec.name()))) {
      throw new OrchestrationException(
          "Service " + spec.name() + " is already deployed; undeploy it before deploying again");
    }
    String id = spec.name() + "-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      containers.prepare(spec);
      deployments.put(id, spec);
      for (int i = 0; i < spec.instances(); i++) {
        containers.start(id, spec, i);
      }
      return id;
    } catch (DockerException e) {
      removeContainers(containersOf(id));
      deployments.remove(id);
      throw refused(spec.name(), e);
    }
  }

  @Override
  public synchronized void scale(String deploymentId, int instances) {
    ServiceSpec spec = deployments.get(deploymentId);
    if (spec == null) {
      throw new OrchestrationException("No deployment " + deploymentId + " to scale");
    }
    List<Container> current = containersOf(deploymentId);
    int next = current.stream().mapToInt(DockerOrchestrator::instanceOf).max().orElse(-1) + 1;
    try {
      for (int i = current.size(); i < instances; i++) {
        containers.start(deploymentId, spec, next);
        next++;
      }
    } catch (DockerException e) {
      throw refused(spec.name(), e);
    }
    if (current.size() > instances) {
      removeContainers(current.subList(Math.max(0, instances), current.size()));
    }
  }

  @Override
  public void undeploy(String deploymentId) {
    if (deployments.remove(deploymentId) != null) {
      undeployed.add(deploymentId);
    }
    removeContainers(containersOf(deploymentId));
  }

  @Override
  public DeploymentStatus status(String deploymentId) {
    if (undeployed.contains(deploymentId)) {
      return new DeploymentStatus(deploymentId, DeploymentState.UNDEPLOYED, List.of(), null);
    }
    ServiceSpec spec = deployments.get(deploymentId);
    if (spec == null) {
      return DeploymentStatus.unknown(deploymentId);
    }
    List<InstanceStatus> instances = new ArrayList<>();
    for (Container container : containersOf(deploymentId)) {
      instances.add(
          ContainerStates.of(instanceOf(container), inspect(container.getId()), spec.oneShot()));
    }
    return ContainerStates.aggregate(deploymentId, spec.name(), instances);
  }

  @Override
  public ServiceAddress address(String deploymentId, int instance) {
    ServiceSpec spec = deployments.get(deploymentId);
    if (spec == null) {
      throw new OrchestrationException("No deployment " + deploymentId + " on this Docker engine");
    }
    String name = ContainerFactory.containerName(spec, instance);
    String host = name;
    try {
      host =
          ContainerStates.ipOn(docker.inspectContainerCmd(name).exec(), containers.network(), name);
    } catch (NotFoundException notStarted) {
      // the name resolves on the network once the container runs
    }
    Map<Integer, Integer> ports =
        spec.ports().stream().collect(Collectors.toMap(Function.identity(), Function.identity()));
    return new ServiceAddress(host, ports);
  }

  /** The host ports the engine published the container's ports on (bound to 127.0.0.1). */
  @Override
  public Optional<ServiceAddress> publicAddress(String deploymentId, int instance) {
    ServiceSpec spec = deployments.get(deploymentId);
    if (spec == null) {
      throw new OrchestrationException("No deployment " + deploymentId + " on this Docker engine");
    }
    try {
      Map<Integer, Integer> published =
          ContainerStates.publishedPorts(
              docker.inspectContainerCmd(ContainerFactory.containerName(spec, instance)).exec());
      return published.keySet().containsAll(spec.ports())
          ? Optional.of(new ServiceAddress("127.0.0.1", published))
          : Optional.empty();
    } catch (NotFoundException notStarted) {
      return Optional.empty();
    }
  }

  /**
   * The container's address on the network when the manager is a container on it (the compose
   * suite's {@code manager-local}), where the ports published on the engine's host are out of its
   * reach; else the published ports, as for users.
   */
  @Override
  public ServiceAddress managerAddress(String deploymentId, int instance) {
    return managerOnNetwork
        ? address(deploymentId, instance)
        : Orchestrator.super.managerAddress(deploymentId, instance);
  }

  @Override
  public List<Cluster> activeClusters() {
    return List.of(new Cluster("docker", "docker"));
  }

  /** Containers on the engine's host, which may mount the manager's host directories. */
  @Override
  public Locality locality() {
    return Locality.ONE_HOST;
  }

  @Override
  public List<String> recentLogs(String deploymentId, int instance, int lines) {
    ServiceSpec spec = deployments.get(deploymentId);
    if (spec == null) {
      return List.of();
    }
    return ContainerLogs.tail(docker, ContainerFactory.containerName(spec, instance), lines);
  }

  /** Removes every container this orchestrator started. */
  @Override
  public void close() {
    List.copyOf(deployments.keySet()).forEach(this::undeploy);
  }

  private List<Container> containersOf(String deploymentId) {
    return docker
        .listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(LABEL_DEPLOYMENT, deploymentId))
        .exec()
        .stream()
        .sorted(Comparator.comparingInt(DockerOrchestrator::instanceOf))
        .toList();
  }

  private InspectContainerResponse inspect(String containerId) {
    return docker.inspectContainerCmd(containerId).exec();
  }

  private void removeContainers(List<Container> list) {
    list.parallelStream()
        .forEach(
            c -> {
              try {
                docker
                    .stopContainerCmd(c.getId())
                    .withTimeout((int) stopTimeout.toSeconds())
                    .exec();
              } catch (DockerException alreadyStopped) {
                // removed below either way
              }
              try {
                docker.removeContainerCmd(c.getId()).withForce(true).exec();
              } catch (NotFoundException gone) {
                // already removed
              }
            });
  }

  private static int instanceOf(Container container) {
    return Integer.parseInt(container.getLabels().getOrDefault(LABEL_INSTANCE, "0"));
  }

  private static OrchestrationException refused(String service, DockerException e) {
    return new OrchestrationException(
        "The Docker engine refused service " + service + ": " + e.getMessage().trim(), false, e);
  }
}
