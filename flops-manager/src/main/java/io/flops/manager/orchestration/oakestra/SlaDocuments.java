package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The SLA v2.0 deployment descriptors FLOps sends (API.md §2.1): one application without services
 * for {@code POST /api/application/}, and one microservice appended to it for {@code POST
 * /api/service/}. Placement uses the {@code addons} constraint FLOps always sent plus, for a
 * cluster, the {@code direct} constraint — the only per-cluster pinning that works (API.md §4.3).
 */
final class SlaDocuments {

  /** Services users reach from outside the Oakestra overlay get their ports published. */
  private static final Set<ServiceKind> PUBLISHED =
      Set.of(
          ServiceKind.PROJECT_OBSERVER, ServiceKind.TRACKING_SERVER, ServiceKind.INFERENCE_SERVER);

  /** Whether the ports of {@code spec} are published on the worker's host ports. */
  static boolean publishes(ServiceSpec spec) {
    return PUBLISHED.contains(spec.kind()) && !spec.ports().isEmpty();
  }

  /** Where a service that keeps data keeps it in its container (the images' writable directory). */
  static final String STORAGE_PATH = "/var/lib/flops/data";

  private SlaDocuments() {}

  static Map<String, Object> application(ApplicationSpec app) {
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("applicationID", "");
    application.put("application_name", app.name());
    application.put("application_namespace", app.namespace());
    application.put("application_desc", app.description() == null ? "" : app.description());
    application.put("microservices", List.of());
    return sla(app.customerId(), application);
  }

  static Map<String, Object> service(
      String applicationId,
      ApplicationSpec app,
      ServiceSpec spec,
      String rrIp,
      Map<Integer, Integer> hostPorts,
      String customerId,
      CsiVolumes volumes) {
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("applicationID", applicationId);
    application.put("application_name", app.name());
    application.put("application_namespace", app.namespace());
    application.put("application_desc", "");
    application.put("microservices", List.of(microservice(spec, rrIp, hostPorts, volumes)));
    return sla(customerId, application);
  }

  /**
   * One microservice; {@code hostPorts} (container port → host port, empty for none) become its
   * {@code port} mapping {@code "host:container;…"}.
   */
  static Map<String, Object> microservice(
      ServiceSpec spec, String rrIp, Map<Integer, Integer> hostPorts, CsiVolumes volumes) {
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("microserviceID", "");
    service.put("microservice_name", spec.name());
    service.put("microservice_namespace", namespace(spec.kind()));
    service.put("virtualization", "container");
    service.put("one_shot", spec.oneShot());
    service.put("privileged", spec.privileged());
    service.put("cmd", spec.command());
    service.put("memory", spec.resources().memoryMb());
    service.put("vcpus", spec.resources().vcpus());
    service.put("storage", spec.resources().storageMb());
    service.put("code", spec.image());
    Map<String, String> environment = new TreeMap<>(spec.environment());
    if (spec.storageVariable() != null) {
      environment.put(spec.storageVariable(), STORAGE_PATH);
    }
    if (!environment.isEmpty()) {
      service.put(
          "environment",
          environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
    if (rrIp != null) {
      service.put("addresses", Map.of("rr_ip", rrIp));
    }
    if (!hostPorts.isEmpty()) {
      service.put(
          "port",
          hostPorts.entrySet().stream()
              .map(e -> e.getValue() + ":" + e.getKey())
              .collect(Collectors.joining(";")));
    }
    if (!spec.volumes().isEmpty()) {
      service.put("volumes", volumes.describe(spec.volumes()));
    }
    List<Map<String, Object>> constraints = constraints(spec);
    if (!constraints.isEmpty()) {
      service.put("constraints", constraints);
    }
    return service;
  }

  /**
   * The container ports of a stored service's {@code port} mapping ({@code "8080"}, {@code
   * "8080;7027"} or {@code "host:container[/tcp|/udp];…"}); empty when it has none.
   */
  static List<Integer> containerPorts(String mapping) {
    List<Integer> ports = new ArrayList<>();
    for (String entry : mapping.split(";")) {
      String port = entry.trim().replaceFirst("/(tcp|udp)$", "");
      port = port.substring(port.indexOf(':') + 1);
      if (port.matches("[0-9]{1,5}")) {
        ports.add(Integer.parseInt(port));
      }
    }
    return List.copyOf(ports);
  }

  /**
   * Container port → host port of a stored service's {@code port} mapping; a bare {@code "8080"}
   * publishes the container port on the same host port (API.md §2.1).
   */
  static Map<Integer, Integer> hostPorts(String mapping) {
    Map<Integer, Integer> ports = new LinkedHashMap<>();
    for (String entry : mapping.split(";")) {
      String[] parts = entry.trim().replaceFirst("/(tcp|udp)$", "").split(":");
      String host = parts[0];
      String container = parts[parts.length - 1];
      if (host.matches("[0-9]{1,5}") && container.matches("[0-9]{1,5}")) {
        ports.put(Integer.parseInt(container), Integer.parseInt(host));
      }
    }
    return ports;
  }

  /** The service namespace FLOps uses per kind (as the original add-on). */
  static String namespace(ServiceKind kind) {
    return switch (kind) {
      case PROJECT_OBSERVER -> "observ";
      case TRACKING_SERVER -> "tracking";
      case IMAGE_BUILDER -> "builder";
      case AGGREGATOR -> "aggr";
      case LEARNER -> "flearner";
      case MOCK_DATA_PROVIDER -> "mockdp";
      case INFERENCE_SERVER -> "trmodel";
      case DATA_SERVER -> "dataserv";
    };
  }

  private static List<Map<String, Object>> constraints(ServiceSpec spec) {
    List<Map<String, Object>> constraints = new ArrayList<>();
    if (!spec.placement().addons().isEmpty()) {
      Map<String, Object> addons = new LinkedHashMap<>();
      addons.put("type", "addons");
      addons.put("needs", spec.placement().addons());
      constraints.add(addons);
    }
    if (spec.placement().cluster() != null) {
      Map<String, Object> direct = new LinkedHashMap<>();
      direct.put("type", "direct");
      direct.put("cluster", spec.placement().cluster());
      constraints.add(direct);
    }
    return constraints;
  }

  private static Map<String, Object> sla(String customerId, Map<String, Object> application) {
    Map<String, Object> sla = new LinkedHashMap<>();
    sla.put("sla_version", "v2.0");
    sla.put("customerID", customerId);
    sla.put("applications", List.of(application));
    return sla;
  }
}
