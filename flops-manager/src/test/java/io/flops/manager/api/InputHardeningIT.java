package io.flops.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the API refuses before it starts anything: quotas, credentials, bad repositories. */
class InputHardeningIT extends ManagerITBase {

  @TempDir static Path repos;

  @LocalServerPort int port;
  @Autowired InMemoryOrchestrator orchestrator;

  private Api api;

  @DynamicPropertySource
  static void quotas(DynamicPropertyRegistry registry) {
    registry.add("flops.quotas.running-projects", () -> "2");
  }

  @BeforeEach
  void connect() {
    api = new Api(port);
  }

  private static String sla(String customer, String repoUrl) {
    return """
        {"customerID":"%s","ml_model_flavor":"dl4j","ml_repo_url":"%s",
         "training_configuration":{"data_tags":["mnist"]}}"""
        .formatted(customer, repoUrl);
  }

  @Test
  void aCustomerBeyondTheProjectQuotaGets429AndOthersAreNotAffected() throws Exception {
    String repoUrl = GitRepos.create(repos.resolve("quota"));
    api.createProject(sla("busy", repoUrl));
    api.createProject(sla("busy", repoUrl));

    Api.Reply third = api.postJson("/api/flops/projects", sla("busy", repoUrl));

    assertThat(third.status()).isEqualTo(429);
    assertThat(third.body().get("detail").asText())
        .contains("busy")
        .contains("flops.quotas.running-projects");
    assertThat(api.postJson("/api/flops/projects", sla("calm", repoUrl)).status()).isEqualTo(201);
  }

  @Test
  void credentialsInTheRepositoryUrlAre400AndNeverEchoed() {
    Api.Reply reply =
        api.postJson(
            "/api/flops/projects", sla("alice", "https://alice:hunter2@example.org/o/r.git"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().at("/errors/0/pointer").asText()).isEqualTo("/ml_repo_url");
    assertThat(reply.body().at("/errors/0/message").asText()).contains("ml_repo_credential");
    assertThat(reply.raw()).doesNotContain("hunter2");
  }

  @Test
  void aRepositoryThatCannotBeReadFailsTheProjectBeforeAnythingIsDeployed() {
    String missing = repos.resolve("no-such-repository").toUri().toString();
    String id = api.createProject(sla("carol", missing));

    JsonNode failed = api.awaitState(id, "FAILED");

    assertThat(failed.get("failing_component").asText()).isEqualTo("manager");
    assertThat(orchestrator.deployed().values()).noneMatch(spec -> id.equals(spec.projectId()));
  }
}
