package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flops.common.api.MockJobState;
import io.flops.common.testsupport.ExternalServer;
import io.flops.manager.mock.MockJob;
import io.flops.manager.mock.MockJobRepository;
import io.flops.manager.project.Observatory;
import io.flops.manager.project.ObservatoryRepository;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.ManagerITBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * While Oakestra hangs (it accepts connections and never answers), the requests that read the
 * platform answer 502 within the read timeout with a reason naming Oakestra, instead of blocking,
 * and a project is shown while its deployment waits for Oakestra. Once Oakestra was found not
 * answering, a request that writes to it (a new mock job) is tried once, without retries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OakestraDownIT {

  private static final String SERVICE = "66f1a2b5c4d5e6f708192a41";
  private static final WireMockServer OAKESTRA = hangingOakestra();

  @LocalServerPort int port;
  @Autowired MockJobRepository mockJobs;
  @Autowired ObservatoryRepository observatories;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = Files.createTempDirectory("flops-oakestra-down-it");
    registry.add("flops.data-dir", dataDir::toString);
    int mqtt = ExternalServer.freePort();
    registry.add("flops.mqtt.embedded-port", () -> mqtt);
    registry.add("flops.admin-token", () -> ManagerITBase.ADMIN_TOKEN);
    registry.add("flops.orchestrator.type", () -> "oakestra");
    registry.add("flops.orchestrator.oakestra.url", OAKESTRA::baseUrl);
    registry.add("flops.orchestrator.oakestra.read-timeout", () -> "1s");
    registry.add("flops.orchestrator.oakestra.request-timeout", () -> "2s");
    registry.add(
        "flops.repositories.allowed-file-roots", () -> System.getProperty("java.io.tmpdir"));
  }

  /** A first request that needs no platform, so the measured ones do not pay the warm-up. */
  @BeforeEach
  void warmUp() {
    assertThat(new Api(port).get("/api/flops/mocks/none").status()).isEqualTo(404);
  }

  @AfterAll
  static void stop() {
    OAKESTRA.stop();
  }

  @Test
  void aMockJobAnswers502WhileOakestraHangs() {
    Instant now = Instant.now();
    mockJobs.save(
        new MockJob(
            "job1", "acme", null, SERVICE, MockJobState.RUNNING, List.of(), 0, null, now, now));

    Api.Reply reply = quickly(() -> new Api(port).get("/api/flops/mocks/job1"));

    assertOakestraDown(reply);
  }

  @Test
  void aNewMockJobAnswers502AtOnceOnceOakestraWasFoundNotAnswering() {
    Instant now = Instant.now();
    mockJobs.save(
        new MockJob(
            "job2", "acme", null, SERVICE, MockJobState.RUNNING, List.of(), 0, null, now, now));
    Api api = new Api(port);
    assertThat(api.get("/api/flops/mocks/job2").status()).isEqualTo(502);

    Api.Reply reply =
        quickly(
            () ->
                api.postJson(
                    "/api/flops/mocks/",
                    """
                    {"customerID":"acme","mock_data_configuration":{"dataset_name":"mnist",
                     "number_of_partitions":2,"data_tag":"digits"}}"""));

    assertThat(reply.status()).as(reply.raw()).isEqualTo(502);
    assertThat(reply.body().path("detail").asText())
        .contains("Oakestra at " + OAKESTRA.baseUrl())
        .contains("did not answer")
        .doesNotContain("attempts");
  }

  @Test
  void theTrackingServerAnswers502WhileOakestraHangs() {
    observatories.save(new Observatory("acme", "app1").withTracking(SERVICE, "http://10.30.0.1"));

    Api.Reply reply = quickly(() -> new Api(port).get("/api/flops/tracking?customerID=acme"));

    assertOakestraDown(reply);
  }

  @Test
  void aProjectIsShownWhileItsDeploymentWaitsForOakestra(@TempDir Path repos) throws Exception {
    Api api = new Api(port);
    String id =
        api.createProject(
            """
            {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s",
             "training_configuration":{"data_tags":["mnist"]}}"""
                .formatted(GitRepos.create(repos.resolve("repo"))));

    Api.Reply reply = quickly(() -> api.get("/api/flops/projects/" + id));

    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    assertThat(reply.body().path("flops_project_id").asText()).isEqualTo(id);
  }

  private static void assertOakestraDown(Api.Reply reply) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(502);
    assertThat(reply.body().path("detail").asText())
        .contains("Oakestra at " + OAKESTRA.baseUrl())
        .contains("within 1000 ms")
        .contains("check that the root orchestrator is running");
  }

  private static Api.Reply quickly(Supplier<Api.Reply> request) {
    long started = System.nanoTime();
    Api.Reply reply = request.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    return reply;
  }

  private static WireMockServer hangingOakestra() {
    WireMockServer server = new WireMockServer(options().dynamicPort());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(30_000).withStatus(200)));
    return server;
  }
}
