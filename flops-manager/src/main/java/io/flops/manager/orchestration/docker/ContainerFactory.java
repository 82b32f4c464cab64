package io.flops.manager.orchestration.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import com.github.dockerjava.core.command.PullImageResultCallback;
import io.flops.common.image.ImageName;
import io.flops.common.launch.InstanceVariable;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.ServiceSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Pulls images, keeps the FLOps network, and creates and starts the containers of a service. */
final class ContainerFactory {

  private final DockerClient docker;
  private final String network;

  /**
   * Where a service that keeps data keeps it inside its container: under the images' writable
   * working directory, kept as long as the container (a named volume there would belong to root,
   * and the images run as a non-root user).
   */
  static final String STORAGE_PATH = "/var/lib/flops/data";

  private final Duration pullTimeout;

  ContainerFactory(DockerClient docker, String network, Duration pullTimeout) {
    this.docker = docker;
    this.network = network;
    this.pullTimeout = pullTimeout;
  }

  String network() {
    return network;
  }

  static String containerName(ServiceSpec spec, int instance) {
    return spec.name() + "-" + instance;
  }

  /** Makes sure the network exists and the image is present (pulled from its registry). */
  synchronized void prepare(ServiceSpec spec) {
    if (docker.listNetworksCmd().withNameFilter(network).exec().stream()
        .noneMatch(n -> n.getName().equals(network))) {
      docker.createNetworkCmd().withName(network).withDriver("bridge").exec();
    }
    pull(spec);
  }

  private void pull(ServiceSpec spec) {
    ImageName image = ImageName.parse(spec.image());
    String repository =
        image.registry().isEmpty()
            ? image.repository()
            : image.registry() + "/" + image.repository();
    try {
      boolean done =
          docker
              .pullImageCmd(repository)
              .withTag(image.tag())
              .exec(new PullImageResultCallback())
              .awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        throw new OrchestrationException(
            "Pulling image "
                + spec.image()
                + " for service "
                + spec.name()
                + " took longer than "
                + pullTimeout,
            true,
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestrationException("Interrupted while pulling " + spec.image(), true, e);
    } catch (DockerException e) {
      try {
        docker.inspectImageCmd(spec.image()).exec();
      } catch (NotFoundException missing) {
        throw new OrchestrationException(
            "Cannot pull image "
                + spec.image()
                + " for service "
                + spec.name()
                + ": "
                + e.getMessage().trim(),
            false,
            e);
      }
    }
  }

  /**
   * Creates and starts instance {@code instance} of {@code spec}: its environment and placement's,
   * its storage volume, the host directories it declares mounted at the same path.
   */
  void start(String deploymentId, ServiceSpec spec, int instance) {
    String name = containerName(spec, instance);
    try (CreateContainerCmd create = docker.createContainerCmd(spec.image())) {
      create
          .withName(name)
          .withHostName(name)
          .withLabels(labels(deploymentId, spec, instance))
          .withEnv(environment(spec, instance))
          .withExposedPorts(spec.ports().stream().map(ExposedPort::tcp).toList())
          .withHostConfig(hostConfig(spec));
      if (!spec.command().isEmpty()) {
        create.withCmd(spec.command());
      }
      String id = create.exec().getId();
      docker.startContainerCmd(id).exec();
    }
  }

  private HostConfig hostConfig(ServiceSpec spec) {
    Ports bindings = new Ports();
    for (int port : spec.ports()) {
      bindings.bind(ExposedPort.tcp(port), Ports.Binding.bindIp("127.0.0.1"));
    }
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode(network)
            .withPrivileged(spec.privileged())
            .withPortBindings(bindings)
            .withBinds(binds(spec));
    if (spec.resources().memoryMb() > 0) {
      host.withMemory(spec.resources().memoryMb() * 1024L * 1024L);
    }
    if (spec.resources().vcpus() > 0) {
      host.withNanoCPUs(spec.resources().vcpus() * 1_000_000_000L);
    }
    return host;
  }

  /** The declared host directories, at the same path (made first where missing). */
  private static List<Bind> binds(ServiceSpec spec) {
    List<Bind> binds = new ArrayList<>();
    for (Path directory : spec.hostDirectories()) {
      String path = HostDirectories.ensure(directory).toString();
      binds.add(new Bind(path, new Volume(path)));
    }
    return binds;
  }

  private static Map<String, String> labels(String deploymentId, ServiceSpec spec, int instance) {
    Map<String, String> labels = new HashMap<>();
    labels.put(DockerOrchestrator.LABEL_DEPLOYMENT, deploymentId);
    labels.put(DockerOrchestrator.LABEL_SERVICE, spec.name());
    labels.put(DockerOrchestrator.LABEL_KIND, spec.kind().name());
    labels.put(DockerOrchestrator.LABEL_INSTANCE, Integer.toString(instance));
    labels.put(DockerOrchestrator.LABEL_ONE_SHOT, Boolean.toString(spec.oneShot()));
    labels.put(DockerOrchestrator.LABEL_APPLICATION, String.valueOf(spec.applicationId()));
    labels.put(DockerOrchestrator.LABEL_PROJECT, String.valueOf(spec.projectId()));
    return labels;
  }

  private static List<String> environment(ServiceSpec spec, int instance) {
    Map<String, String> merged = new TreeMap<>(spec.environment());
    merged.putAll(spec.placementOf(instance).environment());
    if (spec.storageVariable() != null) {
      merged.put(spec.storageVariable(), STORAGE_PATH);
    }
    List<String> env = new ArrayList<>();
    merged.forEach((key, value) -> env.add(key + "=" + value));
    env.add(InstanceVariable.INSTANCE.envName() + "=" + instance);
    for (int port : spec.ports()) {
      env.add(InstanceVariable.port(port) + "=" + port);
    }
    return env;
  }
}
