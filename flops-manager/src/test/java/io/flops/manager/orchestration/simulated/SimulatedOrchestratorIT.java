package io.flops.manager.orchestration.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.testsupport.ExternalServer;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager on the simulated orchestrator: projects go through their whole lifecycle with no
 * process run, driven only by the events the simulated components send through the embedded broker
 * with their projects' identities and keys — so the same events a real builder and aggregator would
 * send move the projects.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flops.orchestrator.type=simulated",
      "flops.orchestrator.simulated.step-delay=50ms",
      "flops.admin-token=" + SimulatedOrchestratorIT.TOKEN
    })
class SimulatedOrchestratorIT {

  static final String TOKEN = "simulated-admin";

  @LocalServerPort int port;
  @Autowired SimulatedOrchestrator orchestrator;

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = Files.createTempDirectory("flops-simulated-it");
    registry.add("flops.data-dir", dataDir::toString);
    int broker = ExternalServer.freePort();
    registry.add("flops.mqtt.embedded-port", () -> broker);
    registry.add("flops.lifecycle.status-poll-interval", () -> "200ms");
    registry.add("flops.lifecycle.observer-grace", () -> "0s");
    registry.add(
        "flops.repositories.allowed-file-roots", () -> System.getProperty("java.io.tmpdir"));
  }

  @Test
  void projectsCompleteOnTheEventsOfSimulatedComponentsAndLeaveNothingRunning() throws Exception {
    Path repo = Files.createTempDirectory("flops-simulated-repo");
    String repoUrl = GitRepos.create(repo);
    Api api = new Api(port).withToken(TOKEN);
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      ids.add(
          api.createProject(
              """
              {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s",
               "training_configuration":{"data_tags":["mnist"],"training_rounds":2,
                 "min_available_clients":2,"min_fit_clients":2,"min_evaluate_clients":2}}"""
                  .formatted(repoUrl)));
    }

    for (String id : ids) {
      JsonNode project = api.awaitState(id, "COMPLETED");
      List<String> states = new ArrayList<>();
      project.get("timeline").forEach(step -> states.add(step.get("to").asText()));
      assertThat(states)
          .containsSubsequence(
              "PREPARING", "BUILDING_IMAGES", "STARTING_TRAINING", "TRAINING", "COMPLETED");
      assertThat(project.path("accuracy").asDouble()).isEqualTo(SimulatedComponents.ACCURACY);
      assertThat(project.at("/images/learner").asText()).contains(GitRepos.head(repo));
    }
    long deadline = System.currentTimeMillis() + 10_000;
    while (orchestrator.running().size() > 1 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(orchestrator.running())
        .as("only the customer's tracking server outlives its projects")
        .containsExactly(ServiceKind.TRACKING_SERVER);
  }
}
