package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What the adapter needs of a deployment: known since it deployed it, or read back from Oakestra,
 * which keeps the registered {@code port} and the service IP ({@code RR_ip}) of each service, so a
 * restarted manager finds the addresses of everything deployed before it.
 *
 * @param ports the container ports
 * @param rrIp the round-robin IP, or null when the service has no port
 * @param hostPorts container port → published host port; empty when nothing is published
 */
record Deployed(
    String applicationId,
    String name,
    List<Integer> ports,
    String rrIp,
    Map<Integer, Integer> hostPorts) {

  /** The deployment {@code deploymentId} as Oakestra's service document describes it. */
  static Deployed of(String deploymentId, JsonNode service) {
    String rrIp = service.path("RR_ip").asText(service.path("addresses").path("rr_ip").asText(""));
    String mapping = service.path("port").asText("");
    return new Deployed(
        service.path("applicationID").asText(""),
        service.path("microservice_name").asText(deploymentId),
        SlaDocuments.containerPorts(mapping),
        rrIp.isBlank() || "null".equals(rrIp) ? null : rrIp,
        service.hasNonNull("port") ? SlaDocuments.hostPorts(mapping) : Map.of());
  }
}
