package io.flops.manager.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * On a container platform each customer gets their own MLflow tracking server in their observatory,
 * deployed on first need, reused by later projects, deployed again when it is gone, and shown to
 * users at the address they can reach.
 */
@TestPropertySource(properties = "flops.tracking.deploy-server=always")
class TrackingServerIT extends ManagerITBase {

  @TempDir static Path repos;

  @LocalServerPort int port;
  @Autowired InMemoryOrchestrator orchestrator;

  Api api;
  String repoUrl;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(port);
    repoUrl = GitRepos.create(repos.resolve("repo-" + System.nanoTime()));
  }

  private String project(String customer) {
    String id =
        api.createProject(
            """
            {"customerID":"%s","ml_model_flavor":"dl4j","ml_repo_url":"%s",
             "training_configuration":{"data_tags":["mnist"]}}"""
                .formatted(customer, repoUrl));
    api.awaitState(id, "BUILDING_IMAGES");
    return id;
  }

  private Map<String, ServiceSpec> trackingServers(String customer) {
    Map<String, ServiceSpec> servers = new java.util.TreeMap<>();
    orchestrator.deployed().entrySet().stream()
        .filter(e -> e.getValue().kind() == ServiceKind.TRACKING_SERVER)
        .filter(e -> e.getValue().applicationId().equals("app-" + customer + "/observatory"))
        .forEach(e -> servers.put(e.getKey(), e.getValue()));
    return servers;
  }

  @Test
  void theFirstProjectDeploysTheCustomersServerAndLaterOnesReuseIt() {
    String first = project("carol");

    Map<String, ServiceSpec> servers = trackingServers("carol");
    assertThat(servers).hasSize(1);
    String deployment = servers.keySet().iterator().next();
    ServiceSpec server = servers.get(deployment);
    assertThat(server.image()).isEqualTo("ghcr.io/mlflow/mlflow:v2.17.2");
    assertThat(server.ports()).containsExactly(7027);
    assertThat(server.oneShot()).isFalse();
    assertThat(String.join(" ", server.command()))
        .startsWith("mlflow server --host 0.0.0.0 --port 7027")
        .contains("--backend-store-uri sqlite:////mlflow/carol.db")
        .contains("--serve-artifacts --artifacts-destination /mlflow/artifacts/carol");
    String internal = "http://" + orchestrator.address(deployment, 0).hostPort(7027);
    assertThat(api.get("/api/flops/projects/" + first).body().at("/tracking/uri").asText())
        .isEqualTo(internal);
    String observer = orchestrator.idOf("observ" + first);
    assertThat(orchestrator.deployed().get(observer).environment())
        .containsEntry("FLOPS_OBSERVER_TRACKING_URL", internal);

    String second = project("carol");

    assertThat(trackingServers("carol")).hasSize(1);
    assertThat(api.get("/api/flops/projects/" + second).body().at("/tracking/uri").asText())
        .isEqualTo(internal);
  }

  @Test
  void usersAreShownThePublicAddressNotTheInternalOne() {
    project("dave");
    String deployment = trackingServers("dave").keySet().iterator().next();

    JsonNode where = api.get("/api/flops/tracking?customerID=dave").body();

    assertThat(where.path("kind").asText()).isEqualTo("server");
    assertThat(where.path("tracking_url").asText())
        .isEqualTo(
            "http://"
                + InMemoryOrchestrator.PUBLIC_HOST
                + ":"
                + orchestrator.address(deployment, 0).ports().get(7027));
  }

  @Test
  void askingForTheTrackingUrlNeverDeploysAServer() {
    assertThat(trackingServers("erin")).isEmpty();

    JsonNode where = api.get("/api/flops/tracking?customerID=erin").body();

    assertThat(trackingServers("erin"))
        .as("the first project deploys it, not a question")
        .isEmpty();
    assertThat(where.path("kind").asText()).isEqualTo("server");
    assertThat(where.path("tracking_url").asText()).isEmpty();
    project("erin");
    assertThat(api.get("/api/flops/tracking?customerID=erin").body().path("tracking_url").asText())
        .startsWith("http://203.0.113.7:");
  }

  @Test
  void withoutACustomerTheAnswerIsA400NamingTheField() {
    Api.Reply reply = api.get("/api/flops/tracking");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.raw()).contains("customerID");
  }

  @Test
  void aServerThatIsGoneIsDeployedAgainOnTheNextNeed() {
    project("frank");
    String dead = trackingServers("frank").keySet().iterator().next();
    orchestrator.setState(dead, DeploymentState.FAILED);

    String next = project("frank");

    List<String> deployments = List.copyOf(trackingServers("frank").keySet());
    assertThat(deployments).hasSize(2);
    String fresh = deployments.stream().filter(d -> !d.equals(dead)).findFirst().orElseThrow();
    assertThat(orchestrator.status(dead).state()).isEqualTo(DeploymentState.UNDEPLOYED);
    assertThat(api.get("/api/flops/projects/" + next).body().at("/tracking/uri").asText())
        .isEqualTo("http://" + orchestrator.address(fresh, 0).hostPort(7027));
  }
}
