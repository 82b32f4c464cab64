package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.orchestration.oakestra.OakestraHttp.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs services on an Oakestra root orchestrator through its REST API exactly as API.md describes
 * it. A deployment id is Oakestra's service id ({@code job_id}); services with ports get a
 * round-robin IP, which is their address inside the Oakestra overlay; services users reach from
 * outside publish their ports on host ports of the worker allocated per deployment ({@link
 * HostPorts}). Reads an API request waits for (status, public address, logs) are quick: one attempt
 * within the read timeout.
 */
public final class OakestraOrchestrator implements Orchestrator {

  private final OakestraApi api;
  private final RoundRobinIps ips;
  private final HostPorts hostPorts;
  private final String username;
  private final String serviceCustomerId;
  private final CsiVolumes volumes;
  private final Map<String, ApplicationSpec> applications = new ConcurrentHashMap<>();
  private final Map<String, Deployed> deployments = new ConcurrentHashMap<>();
  private final Set<String> undeployed = ConcurrentHashMap.newKeySet();

  OakestraOrchestrator(
      OakestraApi api,
      IpAllocationStore ipStore,
      HostPorts hostPorts,
      String username,
      String serviceCustomerId,
      CsiVolumes volumes) {
    this.api = api;
    this.volumes = volumes;
    this.ips = new RoundRobinIps(ipStore);
    this.hostPorts = hostPorts;
    this.username = username;
    this.serviceCustomerId = serviceCustomerId;
  }

  @Override
  public String ensureApplication(ApplicationSpec app) {
    var answer =
        api.call(
            "create application " + app.name(),
            "POST",
            "/api/application/",
            SlaDocuments.application(app),
            null,
            409);
    JsonNode owned =
        answer.status() == 409 ? applicationsOfUser() : OakestraJson.decode(answer.body());
    for (JsonNode candidate : owned) {
      if (app.name().equals(candidate.path("application_name").asText())
          && app.namespace().equals(candidate.path("application_namespace").asText())) {
        String id = candidate.path("applicationID").asText(OakestraJson.id(candidate));
        applications.put(id, app);
        return id;
      }
    }
    throw new OrchestrationException(
        "Oakestra did not list application " + app.name() + " after creating it");
  }

  @Override
  public void deleteApplication(String applicationId) {
    api.call(
        "delete application " + applicationId,
        "DELETE",
        "/api/application/" + applicationId,
        null,
        null,
        404,
        501);
    applications.remove(applicationId);
    deployments.entrySet().stream()
        .filter(e -> e.getValue().applicationId().equals(applicationId))
        .map(Map.Entry::getKey)
        .toList()
        .forEach(this::forget);
  }

  @Override
  public String deploy(ServiceSpec spec) {
    return deploy(spec, null);
  }

  /**
   * Oakestra starts every instance of a service alike on a remote worker: it cannot give instances
   * their own environment, nor directories of the manager's host.
   */
  private void refuseWhatWorkersCannotHave(ServiceSpec spec) {
    if (!spec.volumes().isEmpty() && !volumes.enabled()) {
      throw new OrchestrationException(
          "Service "
              + spec.name()
              + " mounts volumes "
              + spec.volumes()
              + ", but no CSI driver is configured (flops.orchestrator.oakestra.volume-csi-driver)");
    }
    if (spec.instancePlacements().stream().anyMatch(p -> !p.environment().isEmpty())) {
      throw new OrchestrationException(
          "Service "
              + spec.name()
              + " gives its instances different environments, which Oakestra cannot do");
    }
    if (!spec.hostDirectories().isEmpty()) {
      throw new OrchestrationException(
          "Service "
              + spec.name()
              + " needs directories of the manager's host "
              + spec.hostDirectories()
              + ", which Oakestra workers do not have: use a registry and a tracking server");
    }
  }

  /** Whether a CSI driver for durable volumes is configured. */
  @Override
  public boolean keepsVolumes() {
    return volumes.enabled();
  }

  @Override
  public synchronized String deploy(ServiceSpec spec, String userBearerToken) {
    refuseWhatWorkersCannotHave(spec);
    if (deployments.values().stream().anyMatch(d -> d.name().equals(spec.name()))) {
      throw new OrchestrationException(
          "Service " + spec.name() + " is already deployed; undeploy it before deploying again");
    }
    ApplicationSpec app = application(spec);
    String rrIp = null;
    Map<Integer, Integer> published = Map.of();
    String id;
    try {
      rrIp = spec.ports().isEmpty() ? null : ips.allocate(spec.name());
      published =
          SlaDocuments.publishes(spec) ? hostPorts.allocate(spec.name(), spec.ports()) : Map.of();
      JsonNode registered =
          api.json(
              "register service " + spec.name(),
              "POST",
              "/api/service/",
              SlaDocuments.service(
                  spec.applicationId(), app, spec, rrIp, published, serviceCustomerId, volumes),
              userBearerToken);
      if (!registered.path("failed_services").isEmpty()
          || registered.path("job_id").asText("").isEmpty()) {
        throw new OrchestrationException(
            "Oakestra refused to register service " + spec.name() + ": " + registered);
      }
      id = registered.path("job_id").asText();
    } catch (OrchestrationException e) {
      release(spec.name());
      throw e;
    }
    deployments.put(
        id, new Deployed(spec.applicationId(), spec.name(), spec.ports(), rrIp, published));
    for (int i = 0; i < spec.instances(); i++) {
      requestInstance(id, spec.name());
    }
    return id;
  }

  @Override
  public void scale(String deploymentId, int instances) {
    Deployed deployed = known(deploymentId);
    List<Integer> current = new ArrayList<>();
    service(deploymentId)
        .path("instance_list")
        .forEach(i -> current.add(i.path("instance_number").asInt()));
    current.sort(null);
    for (int i = current.size(); i < instances; i++) {
      requestInstance(deploymentId, deployed.name());
    }
    for (int i = current.size() - 1; i >= instances && i >= 0; i--) {
      api.call(
          "remove instance " + current.get(i) + " of service " + deployed.name(),
          "DELETE",
          "/api/service/" + deploymentId + "/instance/" + current.get(i),
          null,
          null);
    }
  }

  @Override
  public void undeploy(String deploymentId) {
    if (undeployed.contains(deploymentId)) {
      return;
    }
    if (!deployments.containsKey(deploymentId)) {
      recover(deploymentId, false);
    }
    Answer deleted =
        api.call(
            "delete service " + deploymentId,
            "DELETE",
            "/api/service/" + deploymentId,
            null,
            null,
            404,
            500);
    if (deleted.status() == 500 && !gone(deploymentId)) {
      throw new OrchestrationException(
          "Oakestra failed to delete service "
              + deploymentId
              + " (HTTP 500) and still lists it; the manager tries again later",
          true,
          null);
    }
    if (deployments.containsKey(deploymentId)) {
      forget(deploymentId);
      undeployed.add(deploymentId);
    }
  }

  /**
   * Whether Oakestra no longer knows the service: it answers a delete of a deleted service with
   * 500, like a delete that failed, so only its 404 on reading tells them apart.
   */
  private boolean gone(String deploymentId) {
    return api.call(
                "read service " + deploymentId,
                "GET",
                "/api/service/" + deploymentId,
                null,
                null,
                404)
            .status()
        == 404;
  }

  @Override
  public DeploymentStatus status(String deploymentId) {
    if (undeployed.contains(deploymentId)) {
      return new DeploymentStatus(
          deploymentId, io.flops.common.orchestration.DeploymentState.UNDEPLOYED, List.of(), null);
    }
    var answer = api.read("read service " + deploymentId, "/api/service/" + deploymentId, 404);
    if (answer.status() == 404) {
      forget(deploymentId);
      return DeploymentStatus.unknown(deploymentId);
    }
    JsonNode service = OakestraJson.decode(answer.body());
    Deployed deployed = deployments.get(deploymentId);
    String name =
        deployed != null ? deployed.name() : service.path("microservice_name").asText(deploymentId);
    return OakestraStates.of(deploymentId, name, service);
  }

  @Override
  public ServiceAddress address(String deploymentId, int instance) {
    Deployed deployed = known(deploymentId);
    if (deployed.rrIp() == null) {
      throw new OrchestrationException(
          "Service " + deployed.name() + " listens on no port, so it has no address");
    }
    Map<Integer, Integer> ports =
        deployed.ports().stream()
            .collect(
                Collectors.toMap(
                    Function.identity(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    return new ServiceAddress(deployed.rrIp(), ports);
  }

  /**
   * The worker's {@code publicip} of the instance with the host ports the service's container ports
   * are published on ({@code "port": "30001:2727"}; a service publishing nothing answers its
   * container ports as before), read with one quick call.
   */
  @Override
  public Optional<ServiceAddress> publicAddress(String deploymentId, int instance) {
    JsonNode service = service(deploymentId);
    Deployed deployed = deployments.computeIfAbsent(deploymentId, id -> Deployed.of(id, service));
    Map<Integer, Integer> ports =
        deployed.hostPorts().isEmpty()
            ? address(deploymentId, instance).ports()
            : deployed.hostPorts();
    for (JsonNode candidate : service.path("instance_list")) {
      if (candidate.path("instance_number").asInt(-1) == instance) {
        String ip = candidate.path("publicip").asText("");
        return ip.isBlank() || "null".equals(ip)
            ? Optional.empty()
            : Optional.of(new ServiceAddress(ip, ports));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Cluster> activeClusters() {
    List<Cluster> clusters = new ArrayList<>();
    for (JsonNode cluster : api.publicGet("list active clusters", "/api/clusters/active")) {
      clusters.add(new Cluster(OakestraJson.id(cluster), cluster.path("cluster_name").asText()));
    }
    return clusters;
  }

  /**
   * Whether the manager can work with Oakestra now: it logs in and lists the active clusters.
   *
   * @return the active clusters
   * @throws OrchestrationException naming what failed (wrong credentials, Oakestra down)
   */
  public List<Cluster> check() {
    api.login();
    return activeClusters();
  }

  @Override
  public List<String> recentLogs(String deploymentId, int instance, int lines) {
    for (JsonNode candidate : service(deploymentId).path("instance_list")) {
      if (candidate.path("instance_number").asInt(-1) == instance) {
        List<String> all = Arrays.asList(candidate.path("logs").asText("").split("\n"));
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size())).stream()
            .filter(line -> !line.isEmpty())
            .toList();
      }
    }
    return List.of();
  }

  private void requestInstance(String id, String name) {
    api.call(
        "deploy an instance of service " + name,
        "POST",
        "/api/service/" + id + "/instance",
        null,
        null);
  }

  /** The service document, read with one quick call. */
  private JsonNode service(String deploymentId) {
    return OakestraJson.decode(
        api.read("read service " + deploymentId, "/api/service/" + deploymentId).body());
  }

  private void forget(String deploymentId) {
    Deployed deployed = deployments.remove(deploymentId);
    if (deployed != null) {
      release(deployed.name());
    }
  }

  /** Frees the round-robin IP and host ports of {@code serviceName}. */
  private void release(String serviceName) {
    ips.release(serviceName);
    hostPorts.release(serviceName);
  }

  /** The deployment as this adapter knows it, else as Oakestra keeps it (after a restart). */
  private Deployed known(String deploymentId) {
    Deployed deployed = deployments.get(deploymentId);
    if (deployed != null) {
      return deployed;
    }
    return recover(deploymentId, true)
        .orElseThrow(() -> new OrchestrationException("Oakestra knows no service " + deploymentId));
  }

  /** The deployment as Oakestra keeps it, remembered; empty when Oakestra does not know it. */
  private Optional<Deployed> recover(String deploymentId, boolean quick) {
    String what = "read service " + deploymentId;
    String path = "/api/service/" + deploymentId;
    Answer answer =
        quick ? api.read(what, path, 404) : api.call(what, "GET", path, null, null, 404);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    JsonNode service = OakestraJson.decode(answer.body());
    return Optional.of(deployments.computeIfAbsent(deploymentId, id -> Deployed.of(id, service)));
  }

  private ApplicationSpec application(ServiceSpec spec) {
    ApplicationSpec app = applications.get(spec.applicationId());
    if (app != null) {
      return app;
    }
    for (JsonNode candidate : applicationsOfUser()) {
      if (spec.applicationId().equals(candidate.path("applicationID").asText())) {
        ApplicationSpec found =
            new ApplicationSpec(
                candidate.path("application_name").asText(),
                candidate.path("application_namespace").asText(),
                candidate.path("userId").asText(),
                candidate.path("application_desc").asText(""));
        applications.put(spec.applicationId(), found);
        return found;
      }
    }
    throw new OrchestrationException(
        "Cannot register service "
            + spec.name()
            + ": Oakestra has no application "
            + spec.applicationId()
            + " of user "
            + username);
  }

  /** The applications the manager's user owns (API.md §2.3: via the user's ObjectId). */
  private JsonNode applicationsOfUser() {
    String userId =
        OakestraJson.id(
            api.json("read user " + username, "GET", "/api/user/" + username, null, null));
    return api.json(
        "list applications of " + username, "GET", "/api/applications/" + userId, null, null);
  }
}
