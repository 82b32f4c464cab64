package io.flops.manager.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.ManagerITBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Nobody without a token uses the API, and a customer's token reaches only that customer's. */
class AccessIT extends ManagerITBase {

  @TempDir static Path repos;

  @LocalServerPort int port;

  private Api admin;
  private String sla;

  @BeforeEach
  void setUp() throws Exception {
    admin = new Api(port);
    String repoUrl = GitRepos.create(repos.resolve("repo-" + System.nanoTime()));
    sla =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"%s","training_configuration":{"data_tags":["m"]}}"""
            .formatted(repoUrl);
  }

  private Api customer(String id) {
    Api.Reply issued = admin.postJson("/api/flops/customers", "{\"customer_id\":\"" + id + "\"}");
    assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
    assertThat(issued.body().get("customer_id").asText()).isEqualTo(id);
    return admin.withToken(issued.body().get("token").asText());
  }

  @Test
  void withoutAKnownTokenTheApiAnswers401AndTheRootAndHealthStayOpen() {
    Api anonymous = admin.withToken(null);
    Api.Reply none = anonymous.get("/api/flops/projects");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).contains("application/problem+json");
    assertThat(none.body().get("detail").asText()).contains("Authorization: Bearer <token>");
    assertThat(admin.withToken("guess").postJson("/api/flops/projects", sla).status())
        .isEqualTo(401);
    assertThat(anonymous.get("/").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void aCustomerSeesAndCancelsOnlyTheirOwnProjects() {
    Api acme = customer("acme");
    Api initech = customer("initech");

    String ours = acme.createProject(sla);
    String theirs = initech.createProject(sla);

    assertThat(acme.get("/api/flops/projects/" + ours).body().get("customerID").asText())
        .isEqualTo("acme");
    assertThat(acme.get("/api/flops/projects/" + theirs).status()).isEqualTo(404);
    assertThat(acme.get("/api/flops/projects/" + theirs + "/events").status()).isEqualTo(404);
    assertThat(acme.delete("/api/flops/projects/" + theirs).status()).isEqualTo(404);
    assertThat(ids(acme.get("/api/flops/projects").body())).contains(ours).doesNotContain(theirs);
    assertThat(acme.get("/api/flops/projects?customerID=initech").status()).isEqualTo(403);
    Api.Reply forOthers = acme.postJson("/api/flops/projects?customerID=initech", sla);
    assertThat(forOthers.status()).isEqualTo(403);
    assertThat(forOthers.body().get("detail").asText())
        .isEqualTo(
            "The token of customer acme may not act for customer initech; leave customerID out"
                + " or use that customer's token.");
    assertThat(ids(admin.get("/api/flops/projects").body())).contains(ours, theirs);

    assertThat(acme.delete("/api/flops/projects/" + ours).status()).isEqualTo(200);
    assertThat(initech.get("/api/flops/projects/" + theirs).body().get("state").asText())
        .isNotEqualTo("CANCELLED");
    assertThat(initech.delete("/api/flops/projects/" + theirs).status()).isEqualTo(200);
  }

  @Test
  void onlyTheAdminManagesTokensAndResetsTheStoreAndARevokedTokenIsRefused() {
    Api globex = customer("globex");
    assertThat(globex.postJson("/api/flops/customers", "{\"customer_id\":\"globex\"}").status())
        .isEqualTo(403);
    assertThat(globex.delete("/api/flops/database").status()).isEqualTo(403);
    assertThat(admin.postJson("/api/flops/customers", "{\"customer_id\":\"a b\"}").status())
        .isEqualTo(400);

    assertThat(admin.delete("/api/flops/customers/globex").status()).isEqualTo(200);
    assertThat(globex.get("/api/flops/projects").status()).isEqualTo(401);
    assertThat(admin.delete("/api/flops/customers/globex").status()).isEqualTo(404);
  }

  @Test
  void onlyTheAdminGetsADataServerCertificate() {
    String path = "/api/flops/nodes/data-server-certificate";
    assertThat(customer("initech").postJson(path, "{}").status()).isEqualTo(403);

    Api.Reply issued = admin.postJson(path, "{}");
    assertThat(issued.status()).as(issued.raw()).isEqualTo(200);
    assertThat(issued.body().get("server_name").asText()).isEqualTo("data.participants.flops");
    assertThat(issued.body().get("environment").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "FLOPS_DATASERVER_TLS_CERTIFICATE", "FLOPS_DATASERVER_TLS_PRIVATE_KEY");
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(project -> ids.add(project.get("flops_project_id").asText()));
    return ids;
  }
}
