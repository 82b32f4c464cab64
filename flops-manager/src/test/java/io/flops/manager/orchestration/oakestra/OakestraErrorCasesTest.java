package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.testsupport.ExternalServer;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** The error cases and quirks of API.md §1 and §3–§5, against the recorded exchanges. */
class OakestraErrorCasesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer server;
  private OrchestratorProperties.Oakestra settings;
  private MutableClock clock;

  @BeforeEach
  void start() {
    server =
        new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("oakestra/wiremock"));
    server.start();
    settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(server.baseUrl());
    settings.setInitialBackoff(Duration.ofMillis(10));
    settings.setMaxAttempts(3);
    clock = new MutableClock();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private OakestraOrchestrator orchestrator() {
    return OakestraOrchestratorConfiguration.create(
        settings, new InMemoryIpAllocationStore(), clock);
  }

  private static ApplicationSpec project() {
    return new ApplicationSpec("proj1a2b3c", "proj", "Admin", "FLOps project");
  }

  @Test
  void wrongCredentialsAreRefusedWithTheUserName() {
    settings.setPassword("wrong");

    assertThatThrownBy(() -> orchestrator().ensureApplication(project()))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("refused the login of user Admin")
        .hasMessageContaining("401");
  }

  @Test
  void healthSaysWhetherTheManagerCanLogInAndWhichClustersAreActive() {
    Health up = new OakestraHealth(orchestrator()).health();
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsKey("activeClusters");

    settings.setPassword("wrong");
    Health down = new OakestraHealth(orchestrator()).health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(String.valueOf(down.getDetails().get("error")))
        .contains("refused the login of user Admin");
  }

  @Test
  void accessTokenIsRefreshedBeforeItExpiresNotReloggedIn() {
    OakestraOrchestrator orchestrator = orchestrator();
    orchestrator.ensureApplication(project());
    clock.advance(Duration.ofSeconds(500));
    orchestrator.ensureApplication(project());
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/refresh")))).isEmpty();

    clock.advance(Duration.ofSeconds(45));
    orchestrator.ensureApplication(project());

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/login")))).hasSize(1);
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/refresh")))).hasSize(1);
  }

  @Test
  void refusedServiceNamesTheServiceAndOakestrasAnswer() {
    server.stubFor(
        post(urlEqualTo("/api/service/"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"code\":400,\"status\":\"Bad Request\"}\n")));
    OakestraOrchestrator orchestrator = orchestrator();
    String app = orchestrator.ensureApplication(project());

    assertThatThrownBy(() -> orchestrator.deploy(OakestraSequenceTest.learners(app)))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("register service flearner7f3e21")
        .hasMessageContaining("400")
        .hasMessageContaining("Bad Request")
        .matches(e -> !((OrchestrationException) e).isTransient());
  }

  @Test
  void schedulingFailureFailsTheServiceWithOakestrasReason() {
    server.stubFor(
        get(urlEqualTo("/api/service/" + Recordings.LEARNER_ID))
            .atPriority(1)
            .willReturn(
                okJson(
                    Recordings.serviceDocument(
                        Recordings.LEARNER_ID, "flearner7f3e21", "NoActiveClusterWithCapacity"))));
    server.stubFor(
        post(urlEqualTo("/api/service/" + Recordings.LEARNER_ID + "/instance"))
            .atPriority(9)
            .willReturn(okJson("{\"message\":\"ok\"}")));
    OakestraOrchestrator orchestrator = orchestrator();
    String id =
        orchestrator.deploy(
            OakestraSequenceTest.learners(orchestrator.ensureApplication(project())));

    DeploymentStatus status = orchestrator.status(id);

    assertThat(status.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(status.message()).contains("flearner7f3e21").contains("NoActiveClusterWithCapacity");
  }

  @Test
  void transientServerErrorsAreRetried() {
    server.stubFor(
        get(urlEqualTo("/api/clusters/active"))
            .atPriority(1)
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("up")
            .willReturn(aResponse().withStatus(503)));

    assertThat(orchestrator().activeClusters()).hasSize(1);
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/api/clusters/active")))).hasSize(2);
  }

  @Test
  void unreachableOakestraIsATransientFailureAfterRetries() {
    settings.setUrl("http://127.0.0.1:" + ExternalServer.freePort());

    assertThatThrownBy(() -> orchestrator().activeClusters())
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("after 3 attempts")
        .matches(e -> ((OrchestrationException) e).isTransient());
  }

  @Test
  void afterACallFailedForGoodCallsAreTriedOnceUntilOakestraAnswersAgain() {
    var down =
        server.stubFor(
            get(urlEqualTo("/api/clusters/active"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
    OakestraOrchestrator orchestrator = orchestrator();

    assertThatThrownBy(orchestrator::activeClusters).hasMessageContaining("after 3 attempts");
    assertThatThrownBy(orchestrator::activeClusters)
        .isInstanceOf(OrchestrationException.class)
        .hasMessageNotContaining("attempts")
        .hasMessageContaining("check that the root orchestrator is running");
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/api/clusters/active")))).hasSize(4);

    server.removeStub(down);
    assertThat(orchestrator.activeClusters()).hasSize(1);
    server.stubFor(
        get(urlEqualTo("/api/clusters/active"))
            .atPriority(1)
            .willReturn(aResponse().withStatus(503)));
    assertThatThrownBy(orchestrator::activeClusters).hasMessageContaining("after 3 attempts");
  }

  @Test
  void deletingWhatIsAlreadyGoneIsHarmless() {
    server.stubFor(
        delete(urlEqualTo("/api/service/66f1a2b5c4d5e6f7081900aa"))
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"code\":500,\"status\":\"Internal Server Error\"}\n")));
    server.stubFor(
        delete(urlEqualTo("/api/application/66f1a2b4c4d5e6f7081900aa"))
            .willReturn(
                aResponse()
                    .withStatus(501)
                    .withBody("{\"code\":501,\"status\":\"Not Implemented\"}\n")));
    OakestraOrchestrator orchestrator = orchestrator();

    orchestrator.undeploy("66f1a2b5c4d5e6f7081900aa");
    orchestrator.deleteApplication("66f1a2b4c4d5e6f7081900aa");

    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/login")))).hasSize(1);
  }

  @Test
  void aRestartedManagerFindsTheAddressesOfServicesDeployedBeforeIt() throws Exception {
    String id = "66f1a2b5c4d5e6f7081900bb";
    ObjectNode stored =
        (ObjectNode)
            JSON.readTree(
                JSON.readTree(Recordings.serviceDocument(id, "observp1", "RUNNING", "RUNNING"))
                    .asText());
    // what Oakestra keeps of a service registered with addresses.rr_ip and port (API.md §3)
    stored.put("RR_ip", "10.30.7.7").put("port", "2727");
    ((ObjectNode) stored.path("instance_list").path(0)).put("publicip", "131.159.0.9");
    server.stubFor(
        get(urlEqualTo("/api/service/" + id))
            .willReturn(okJson(JSON.writeValueAsString(JSON.writeValueAsString(stored)))));
    server.stubFor(
        get(urlEqualTo("/api/service/66f1a2b5c4d5e6f7081900cc"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"code\":404,\"status\":\"Not Found\"}\n")));
    OakestraOrchestrator restarted = orchestrator();

    assertThat(restarted.address(id, 0).hostPort(2727)).isEqualTo("10.30.7.7:2727");
    assertThat(restarted.publicAddress(id, 0).orElseThrow().hostPort(2727))
        .isEqualTo("131.159.0.9:2727");
    assertThatThrownBy(() -> restarted.address("66f1a2b5c4d5e6f7081900cc", 0))
        .isInstanceOf(OrchestrationException.class)
        .hasMessage("Oakestra knows no service 66f1a2b5c4d5e6f7081900cc");
  }

  @Test
  void aFailedDeleteOfAServiceOakestraStillListsIsNotTakenForGone() {
    server.stubFor(
        delete(urlEqualTo("/api/service/" + Recordings.LEARNER_ID))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody("{\"code\":500,\"status\":\"Internal Server Error\"}\n")));
    OakestraOrchestrator orchestrator = orchestrator();

    assertThatThrownBy(() -> orchestrator.undeploy(Recordings.LEARNER_ID))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("still lists it");
    assertThat(orchestrator.status(Recordings.LEARNER_ID).state())
        .isNotEqualTo(DeploymentState.UNDEPLOYED);
  }

  @Test
  void aTokenSignedWithOldKeysMakesTheManagerLogInAgain() {
    server.stubFor(
        get(urlEqualTo("/api/service/" + Recordings.LEARNER_ID))
            .atPriority(1)
            .inScenario("new keys")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("logged in again")
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"msg\":\"Signature verification failed\"}\n")));
    server.stubFor(
        post(urlEqualTo("/api/auth/refresh"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody("{\"msg\":\"Signature verification failed\"}\n")));

    DeploymentStatus status = orchestrator().status(Recordings.LEARNER_ID);

    assertThat(status.state()).isEqualTo(DeploymentState.REQUESTED);
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/login")))).hasSize(2);
  }

  @Test
  void existingApplicationIsFoundThroughTheUsersApplications() {
    server.stubFor(
        post(urlEqualTo("/api/application/"))
            .atPriority(1)
            .willReturn(
                aResponse().withStatus(409).withBody("{\"code\":409,\"status\":\"Conflict\"}\n")));
    server.stubFor(
        get(urlEqualTo("/api/user/Admin"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(Recordings.text("user-admin.json"))));
    server.stubFor(
        get(urlEqualTo("/api/applications/" + Recordings.USER_ID))
            .atPriority(1)
            .willReturn(okJson(Recordings.responseBody("06_app_create.json"))));

    assertThat(orchestrator().ensureApplication(project())).isEqualTo(Recordings.APP_ID);
  }

  @Test
  void expiredTokenRejectedByOakestraIsRefreshedAndTheCallRepeated() {
    server.stubFor(
        get(urlEqualTo("/api/service/" + Recordings.LEARNER_ID))
            .atPriority(1)
            .inScenario("expired")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("refreshed")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody("{\"message\":\"Missing authentication token\"}\n")));

    DeploymentStatus status = orchestrator().status(Recordings.LEARNER_ID);

    assertThat(status.state()).isEqualTo(DeploymentState.REQUESTED);
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/auth/refresh")))).hasSize(1);
  }

  /** A clock the test moves forward. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
