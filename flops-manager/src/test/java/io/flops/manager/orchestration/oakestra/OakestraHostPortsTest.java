package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.orchestration.OrchestratorProperties;
import io.flops.manager.orchestration.oakestra.FakeOakestra.Behaviour;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Published services get host ports of their own, kept across a manager restart (the allocations
 * persist) and freed when the service is deleted; against WireMock with the recorded documents.
 */
class OakestraHostPortsTest {

  private static final int OBSERVER_PORT = 2727;

  private final HostPortStore store = new InMemoryHostPortStore();
  private final IpAllocationStore ips = new InMemoryIpAllocationStore();
  private WireMockServer server;
  private FakeOakestra oakestra;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    oakestra = new FakeOakestra(server);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void theObserversOfTwoProjectsPublishDifferentHostPorts() {
    Orchestrator manager = manager();
    String first = deployObserver(manager, "observp1");
    String second = deployObserver(manager, "observp2");

    assertThat(registeredPorts()).containsExactly("30000:2727", "30001:2727");
    assertThat(manager.publicAddress(first, 0).orElseThrow().hostPort(OBSERVER_PORT))
        .isEqualTo("192.168.1.21:30000");
    assertThat(manager.publicAddress(second, 0).orElseThrow().hostPort(OBSERVER_PORT))
        .isEqualTo("192.168.1.21:30001");
    assertThat(manager.address(first, 0).ports()).containsEntry(OBSERVER_PORT, OBSERVER_PORT);
  }

  @Test
  void aRestartedManagerKeepsTheAllocationsAndADeletedServiceFreesItsPort() {
    String first = deployObserver(manager(), "observp1");
    storesPortMapping(first, "observp1", "30000:2727");

    Orchestrator restarted = manager();
    assertThat(restarted.publicAddress(first, 0).orElseThrow().hostPort(OBSERVER_PORT))
        .isEqualTo("192.168.1.21:30000");
    deployObserver(restarted, "observp2");
    restarted.undeploy(first);
    deployObserver(restarted, "observp3");

    assertThat(registeredPorts()).containsExactly("30000:2727", "30001:2727", "30000:2727");
    assertThat(store.portsOf("observp1")).isEmpty();
  }

  @Test
  void aServiceOakestraLostFreesItsPortWhenItsStatusIsRead() {
    Orchestrator manager = manager();
    String lost = deployObserver(manager, "observp1");
    server.stubFor(
        get(urlEqualTo("/api/service/" + lost))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":404,\"status\":\"Not Found\"}\n")));

    assertThat(manager.status(lost).state()).isEqualTo(DeploymentState.UNKNOWN);
    assertThat(store.portsOf("observp1")).isEmpty();
  }

  private Orchestrator manager() {
    OrchestratorProperties.Oakestra settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(server.baseUrl());
    return OakestraOrchestratorConfiguration.create(settings, ips, store, Clock.systemUTC());
  }

  private String deployObserver(Orchestrator orchestrator, String name) {
    oakestra.service(name, Behaviour.RUN);
    return orchestrator.deploy(
        new ServiceSpec(
            name,
            ServiceKind.PROJECT_OBSERVER,
            Recordings.APP_ID,
            name.substring("observ".length()),
            "ghcr.io/flops/observer:1",
            List.of(),
            Map.of(),
            List.of(OBSERVER_PORT),
            new Resources(200, 1, 0),
            Placement.ANYWHERE,
            false,
            false,
            1));
  }

  /** Oakestra echoes the submitted {@code port} in the service document (API.md §3.1). */
  private void storesPortMapping(String id, String name, String mapping) {
    try {
      String stored = Recordings.serviceDocument(id, name, "RUNNING", "RUNNING");
      ObjectNode doc =
          (ObjectNode) Recordings.JSON.readTree(Recordings.JSON.readTree(stored).asText());
      doc.put("port", mapping);
      server.stubFor(
          get(urlEqualTo("/api/service/" + id))
              .atPriority(1)
              .willReturn(
                  okJson(
                      Recordings.JSON.writeValueAsString(
                          Recordings.JSON.writeValueAsString(doc)))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> registeredPorts() {
    return server.findAll(postRequestedFor(urlEqualTo("/api/service/"))).stream()
        .map(r -> readTree(r.getBodyAsString()))
        .map(sla -> sla.path("applications").path(0).path("microservices").path(0))
        .map(service -> service.path("port").asText())
        .toList();
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
    try {
      return Recordings.JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
