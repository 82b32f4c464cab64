package io.flops.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.manager.support.Api;
import io.flops.manager.support.ManagerITBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The REST API's contract: the corpus of bad SLAs, problem details, paths, OpenAPI. */
class ApiIT extends ManagerITBase {

  private static final Path CORPUS = Path.of("src/test/resources/bad-slas");

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void client() {
    api = new Api(port);
  }

  static Stream<Path> badSlas() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.sorted().toList().stream();
    }
  }

  @Test
  void theCorpusHasAtLeastThirtyBadSlas() throws IOException {
    assertThat(badSlas().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSlas")
  void eachBadSlaGetsA400ProblemAndStoresNothing(Path file) throws IOException {
    int before = api.get("/api/flops/projects").body().size();

    Api.Reply reply =
        api.send("POST", "/api/flops/projects", "application/json", Files.readAllBytes(file));

    assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
    assertThat(reply.contentType()).contains("application/problem+json");
    assertThat(reply.body().get("status").asInt()).isEqualTo(400);
    assertThat(reply.body().get("detail").asText()).isNotBlank();
    JsonNode errors = reply.body().get("errors");
    assertThat(errors).as(reply.raw()).isNotNull();
    errors.forEach(
        e -> {
          assertThat(e.has("pointer")).isTrue();
          assertThat(e.get("message").asText()).isNotBlank();
        });
    assertThat(api.get("/api/flops/projects").body().size()).isEqualTo(before);
  }

  @Test
  void eachInvalidFieldIsListedWithItsPointer() {
    Api.Reply reply =
        api.postJson(
            "/api/flops/projects",
            """
            {"ml_model_flavor":"sklearn","ml_repo_url":"ftp://x/y",
             "training_configuration":{"data_tags":[],"training_rounds":0}}""");

    assertThat(reply.status()).isEqualTo(400);
    List<String> pointers = reply.body().findValuesAsText("pointer");
    assertThat(pointers)
        .containsExactly(
            "/ml_model_flavor",
            "/ml_repo_url",
            "/training_configuration/data_tags",
            "/training_configuration/training_rounds");
    assertThat(reply.body().get("errors").get(0).get("message").asText())
        .isEqualTo("'sklearn' is not supported by this runtime, supported: [dl4j]");
  }

  @Test
  void theHealthCheckIsUpOnTheEmbeddedStore() {
    Api.Reply reply = api.get("/actuator/health");

    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    assertThat(reply.body().path("status").asText()).isEqualTo("UP");
  }

  @Test
  void malformedJsonSaysWhere() {
    Api.Reply reply = api.postJson("/api/flops/projects", "{\"ml_model_flavor\": \"dl4j\",\n }");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("detail").asText()).contains("line 2");
  }

  @Test
  void aTwoMegabyteBodyIs413() {
    char[] padding = new char[2 * 1024 * 1024];
    Arrays.fill(padding, 'x');
    String body = "{\"ml_model_flavor\":\"dl4j\",\"ml_repo_url\":\"" + new String(padding) + "\"}";
    int before = api.get("/api/flops/projects").body().size();

    Api.Reply reply =
        api.send(
            "POST",
            "/api/flops/projects",
            "application/json",
            body.getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.contentType()).contains("application/problem+json");
    assertThat(reply.body().get("detail").asText()).contains("1048576 bytes");
    assertThat(api.get("/api/flops/projects").body().size()).isEqualTo(before);
  }

  @Test
  void anotherMediaTypeIs415AndAnUnknownProjectIs404() {
    Api.Reply text = api.send("POST", "/api/flops/projects/", "text/plain", "{}".getBytes());
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).contains("application/problem+json");

    Api.Reply missing = api.get("/api/flops/projects/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.contentType()).contains("application/problem+json");
    assertThat(missing.body().get("detail").asText()).contains("'nope'");

    Api.Reply badState = api.get("/api/flops/projects?state=SLEEPING");
    assertThat(badState.status()).isEqualTo(400);

    Api.Reply noPath = api.get("/api/flops/nothing-here");
    assertThat(noPath.status()).isEqualTo(404);
    assertThat(noPath.contentType()).contains("application/problem+json");

    Api.Reply wrongMethod =
        api.send("PUT", "/api/flops/projects", "application/json", "{}".getBytes());
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.contentType()).contains("application/problem+json");
  }

  @Test
  void bothPathFormsWorkAndTheQueryStringNamesTheCustomer() {
    String sla =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"https://example.invalid/o/r.git",
         "training_configuration":{"data_tags":["mnist"]}}""";
    Api.Reply created = api.postJson("/api/flops/projects/?customerID=globex", sla);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("message").asText())
        .isEqualTo("New FLOps project started successfully");
    String id = created.body().get("flops_project_id").asText();
    assertThat(created.location()).endsWith("/api/flops/projects/" + id);
    assertThat(api.get("/api/flops/projects/" + id + "/").body().get("customerID").asText())
        .isEqualTo("globex");
    JsonNode listed = api.get("/api/flops/projects/?customerID=globex").body();
    assertThat(listed.findValuesAsText("flops_project_id")).contains(id);
    assertThat(api.get("/api/flops/projects?customerID=nobody").body()).isEmpty();
  }

  @Test
  void anUnreachableRepositoryFailsTheProjectWithAReason() {
    String url =
        Path.of(System.getProperty("java.io.tmpdir"), "nonexistent", "repo.git").toUri().toString();
    String id =
        api.createProject(
            """
            {"ml_model_flavor":"dl4j","ml_repo_url":"%s",
             "training_configuration":{"data_tags":["mnist"]}}"""
                .formatted(url));
    JsonNode failed = api.awaitState(id, "FAILED");
    assertThat(failed.get("failure_reason").asText()).contains(url).contains("ls-remote");
  }

  @Test
  void aRepositoryOutsideTheAllowedFoldersOfTheManagersHostIsA400() {
    Api.Reply reply =
        api.postJson(
            "/api/flops/projects",
            """
            {"ml_model_flavor":"dl4j","ml_repo_url":"file:///etc/secret-models/repo.git",
             "training_configuration":{"data_tags":["mnist"]}}""");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().toString())
        .contains("/ml_repo_url")
        .contains("flops.repositories.allowed-file-roots");
    assertThat(api.get("/api/flops/projects").body().toString()).doesNotContain("secret-models");
  }

  @Test
  void resettingTheDatabaseNeedsTheAdminToken() {
    Api.Reply anonymous = api.withToken(null).delete("/api/flops/database");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).contains("application/problem+json");

    Api.Reply wrong = api.send("DELETE", "/api/flops/database/", null, null, "Bearer guess");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(api.get("/api/flops/projects").body()).isNotNull();

    api.postJson(
        "/api/flops/projects?customerID=initech",
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"https://example.invalid/o/r.git",
         "training_configuration":{"data_tags":["mnist"]}}""");
    Api.Reply admin = api.send("DELETE", "/api/flops/database", null, null, "Bearer s3cret");
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body().get("message").asText()).isEqualTo("Successfully reset the database.");
    assertThat(api.get("/api/flops/projects").body()).isEmpty();
  }

  @Test
  void theRootAnswersOkAndTheOpenApiDocumentListsTheEndpoints() {
    assertThat(api.get("/").body().get("message").asText()).isEqualTo("ok");
    JsonNode openApi = api.get("/v3/api-docs").body();
    assertThat(openApi.get("paths").has("/api/flops/projects")).isTrue();
    assertThat(openApi.get("paths").has("/api/flops/projects/{id}")).isTrue();
    assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }
}
