package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.orchestration.Volume;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project with a builder, an aggregator and two learners sends exactly the requests of API.md §6
 * (against WireMock loaded with the recorded exchanges), with bodies compared field by field.
 */
class OakestraSequenceTest {

  private static final String BUILDER_ID = "66f1a2b5c4d5e6f708192b01";
  private static final String AGGREGATOR_ID = "66f1a2b5c4d5e6f708192b02";

  private static final int AGGREGATOR_PORT = 8080;

  private WireMockServer oakestra;
  private OakestraOrchestrator orchestrator;

  @BeforeEach
  void start() {
    oakestra =
        new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("oakestra/wiremock"));
    oakestra.start();
    registers("builder7f3e21", BUILDER_ID);
    registers("aggr7f3e21", AGGREGATOR_ID);
    oakestra.stubFor(
        get(urlEqualTo("/api/service/" + BUILDER_ID))
            .willReturn(
                okJson(
                    Recordings.serviceDocument(
                        BUILDER_ID, "builder7f3e21", "COMPLETED", "COMPLETED"))));
    oakestra.stubFor(
        post(urlMatching("/api/service/66f1a2b5c4d5e6f708192b0[12]/instance"))
            .willReturn(okJson("{\"message\":\"ok\"}")));
    oakestra.stubFor(
        post(urlEqualTo("/api/service/" + Recordings.LEARNER_ID + "/instance"))
            .atPriority(9)
            .willReturn(okJson("{\"message\":\"ok\"}")));
    oakestra.stubFor(
        delete(urlMatching("/api/service/66f1a2b5c4d5e6f708192b0[12]"))
            .willReturn(okJson("{\"message\":\"Job deleted\"}")));
    OrchestratorProperties.Oakestra settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(oakestra.baseUrl());
    orchestrator =
        OakestraOrchestratorConfiguration.create(
            settings, new InMemoryIpAllocationStore(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    oakestra.stop();
  }

  @Test
  void projectWithBuilderAggregatorAndTwoLearnersFollowsTheRecordedSequence() {
    String app =
        orchestrator.ensureApplication(
            new ApplicationSpec("proj1a2b3c", "proj", "Admin", "FLOps project"));
    assertThat(app).isEqualTo(Recordings.APP_ID);
    assertThat(orchestrator.activeClusters()).extracting(c -> c.name()).containsExactly("cluster1");

    String builder = orchestrator.deploy(builder(app));
    assertThat(orchestrator.status(builder).state()).isEqualTo(DeploymentState.COMPLETED);
    orchestrator.undeploy(builder);
    String aggregator = orchestrator.deploy(aggregator(app));
    String learners = orchestrator.deploy(learners(app));
    String rrIp = orchestrator.address(aggregator, 0).host();
    List<DeploymentState> seen = new ArrayList<>();
    for (int poll = 0; poll < 4; poll++) {
      seen.add(orchestrator.status(learners).state());
    }
    assertThat(seen)
        .containsExactly(
            DeploymentState.REQUESTED,
            DeploymentState.SCHEDULED,
            DeploymentState.SCHEDULED,
            DeploymentState.RUNNING);
    orchestrator.scale(learners, 0);
    orchestrator.undeploy(learners);
    orchestrator.undeploy(aggregator);
    orchestrator.deleteApplication(app);

    List<ServeEvent> requests = new ArrayList<>(oakestra.getAllServeEvents());
    requests.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
    assertThat(requests).allMatch(e -> e.getWasMatched());
    assertThat(
            requests.stream().map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()))
        .containsExactly(
            "POST /api/auth/login",
            "POST /api/application/",
            "GET /api/clusters/active",
            "POST /api/service/",
            "POST /api/service/" + BUILDER_ID + "/instance",
            "GET /api/service/" + BUILDER_ID,
            "DELETE /api/service/" + BUILDER_ID,
            "POST /api/service/",
            "POST /api/service/" + AGGREGATOR_ID + "/instance",
            "POST /api/service/",
            "POST /api/service/" + Recordings.LEARNER_ID + "/instance",
            "POST /api/service/" + Recordings.LEARNER_ID + "/instance",
            "GET /api/service/" + Recordings.LEARNER_ID,
            "GET /api/service/" + Recordings.LEARNER_ID,
            "GET /api/service/" + Recordings.LEARNER_ID,
            "GET /api/service/" + Recordings.LEARNER_ID,
            "GET /api/service/" + Recordings.LEARNER_ID,
            "DELETE /api/service/" + Recordings.LEARNER_ID + "/instance/0",
            "DELETE /api/service/" + Recordings.LEARNER_ID,
            "DELETE /api/service/" + AGGREGATOR_ID,
            "DELETE /api/application/" + Recordings.APP_ID);
    assertThat(rrIp).matches("10\\.30\\.\\d{1,3}\\.\\d{1,3}");
    assertThat(body(requests.get(0)))
        .isEqualTo(Recordings.JSON.valueToTree(Map.of("username", "Admin", "password", "Admin")));
    assertThat(body(requests.get(1)))
        .isEqualTo(Recordings.json("expected/application-create.json"));
    assertThat(body(requests.get(3))).isEqualTo(Recordings.json("expected/service-builder.json"));
    assertThat(body(requests.get(7)))
        .isEqualTo(
            jsonOf(Recordings.text("expected/service-aggregator.json").replace("${rr_ip}", rrIp)));
    assertThat(body(requests.get(9))).isEqualTo(Recordings.json("expected/service-learner.json"));
    assertThat(requests.subList(1, requests.size()))
        .allMatch(
            e ->
                e.getRequest().getUrl().startsWith("/api/clusters/")
                    || e.getRequest().getHeader("Authorization").startsWith("Bearer eyJ"));
  }

  @Test
  void anAggregatorsCheckpointVolumeGoesIntoItsSlaWithTheConfiguredCsiDriver() {
    OrchestratorProperties.Oakestra settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(oakestra.baseUrl());
    settings.setVolumeCsiDriver("nfs.csi.k8s.io");
    settings.setVolumeConfig(Map.of("server", "nfs.example", "share", "/flops"));
    OakestraOrchestrator withVolumes =
        OakestraOrchestratorConfiguration.create(
            settings, new InMemoryIpAllocationStore(), Clock.systemUTC());
    String app =
        withVolumes.ensureApplication(
            new ApplicationSpec("proj1a2b3c", "proj", "Admin", "FLOps project"));
    Volume checkpoints = new Volume("flops-checkpoint-proj1a2b3c", "/var/lib/flops/checkpoint");
    ServiceSpec spec = aggregatorWith(app, List.of(checkpoints));

    assertThat(withVolumes.keepsVolumes()).isTrue();
    withVolumes.deploy(spec);

    JsonNode sent =
        oakestra.getAllServeEvents().stream()
            .filter(e -> e.getRequest().getUrl().equals("/api/service/"))
            .map(OakestraSequenceTest::body)
            .findFirst()
            .orElseThrow();
    assertThat(sent.at("/applications/0/microservices/0/volumes"))
        .isEqualTo(
            Recordings.JSON.valueToTree(
                List.of(
                    Map.of(
                        "volume_id", "flops-checkpoint-proj1a2b3c",
                        "csi_driver", "nfs.csi.k8s.io",
                        "mount_path", "/var/lib/flops/checkpoint",
                        "config", Map.of("server", "nfs.example", "share", "/flops")))));
  }

  @Test
  void withoutACsiDriverOakestraKeepsNoVolumesAndRefusesServicesThatMountOne() {
    String app =
        orchestrator.ensureApplication(
            new ApplicationSpec("proj1a2b3c", "proj", "Admin", "FLOps project"));
    ServiceSpec spec =
        aggregatorWith(app, List.of(new Volume("flops-checkpoint-proj1a2b3c", "/ckpt")));

    assertThat(orchestrator.keepsVolumes()).isFalse();
    assertThatThrownBy(() -> orchestrator.deploy(spec))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("flops.orchestrator.oakestra.volume-csi-driver");
    assertThat(oakestra.getAllServeEvents())
        .noneMatch(e -> e.getRequest().getUrl().equals("/api/service/"));
  }

  private static ServiceSpec aggregatorWith(String app, List<Volume> volumes) {
    ServiceSpec plain = aggregator(app);
    return ServiceSpec.builder(plain.name(), plain.kind(), app)
        .project(plain.projectId())
        .image(plain.image())
        .environment(plain.environment())
        .ports(AGGREGATOR_PORT)
        .resources(plain.resources())
        .oneShot()
        .volumes(volumes)
        .build();
  }

  private void registers(String name, String id) {
    oakestra.stubFor(
        post(urlEqualTo("/api/service/"))
            .atPriority(1)
            .withRequestBody(
                matchingJsonPath(
                    "$.applications[0].microservices[0].microservice_name",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(name)))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"deployed_services\":[{\"service_name\":\""
                            + name
                            + "\",\"status\":200}],\"failed_services\":[],\"job_id\":\""
                            + id
                            + "\"}\n")));
  }

  private static JsonNode body(ServeEvent event) {
    return jsonOf(event.getRequest().getBodyAsString());
  }

  private static JsonNode jsonOf(String text) {
    try {
      return Recordings.JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static ServiceSpec builder(String app) {
    return new ServiceSpec(
        "builder7f3e21",
        ServiceKind.IMAGE_BUILDER,
        app,
        "proj1a2b3c",
        "192.168.1.10:5073/flops/builder:0.1.0",
        List.of(),
        Map.of("FLOPS_BUILDER_PLAN", "fl_actors", "FLOPS_PROJECT_ID", "proj1a2b3c"),
        List.of(),
        Resources.NONE,
        Placement.needs("image-builder"),
        true,
        true,
        1);
  }

  static ServiceSpec aggregator(String app) {
    return new ServiceSpec(
        "aggr7f3e21",
        ServiceKind.AGGREGATOR,
        app,
        "proj1a2b3c",
        "192.168.1.10:5073/owner/repo/aggregator:abc123",
        List.of(),
        Map.of("FLOPS_AGGREGATOR_ROLE", "classic", "FLOPS_PROJECT_ID", "proj1a2b3c"),
        List.of(8080),
        new Resources(100, 1, 0),
        Placement.ANYWHERE,
        true,
        false,
        1);
  }

  static ServiceSpec learners(String app) {
    return new ServiceSpec(
        "flearner7f3e21",
        ServiceKind.LEARNER,
        app,
        "proj1a2b3c",
        "192.168.1.10:5073/fl_learner:abc123",
        List.of(
            "python",
            "main.py",
            "proj1a2b3c",
            "192.168.1.10",
            "10.30.12.34",
            "10.30.56.78",
            "mnist"),
        Map.of(),
        List.of(),
        new Resources(100, 1, 0),
        Placement.needs("FLOps-learner").inCluster("cluster1"),
        true,
        false,
        2);
  }
}
