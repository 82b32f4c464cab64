package io.flops.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import io.flops.cli.command.ExitCode;
import io.flops.common.api.ListPaging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** submit, status, list and cancel against a scripted manager. */
class ProjectCommandsTest {

  static final String TRAINING =
      """
      {"flops_project_id":"p1","customerID":"Admin","state":"TRAINING",
       "sla":{"customerID":"Admin","ml_repo_url":"file:///tmp/repo","ml_model_flavor":"dl4j"},
       "timeline":[{"at":"2026-11-23T12:00:00Z","to":"ACCEPTED","message":"Project accepted."},
                   {"at":"2026-11-23T12:00:05Z","from":"STARTING_TRAINING","to":"TRAINING",
                    "message":"Training runs."}],
       "services":[{"role":"AGGREGATOR","deployment_id":"d1","name":"aggrp1","image":"a",
                    "undeployed":false}],
       "images":{"commit":"abc123","learner":"reg/learner:abc","aggregator":"reg/aggr:abc",
                 "reused":false},
       "stage_timings":{"accepted":"2026-11-23T12:00:00Z"},
       "created_at":"2026-11-23T12:00:00Z","updated_at":"2026-11-23T12:00:05Z"}""";

  static final String COMPLETED =
      """
      {"flops_project_id":"p1","customerID":"Admin","state":"COMPLETED",
       "timeline":[{"at":"2026-11-23T12:00:00Z","to":"ACCEPTED","message":"Project accepted."}],
       "tracking":{"uri":"file:///x/mlruns","experiment_id":"7","run_id":"r9",
                   "model_uri":"runs:/r9/model"},
       "accuracy":0.9677,"loss":0.1068,
       "stage_timings":{"accepted":"2026-11-23T12:00:00Z","ended":"2026-11-23T12:06:30Z"}}""";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StubManager manager = new StubManager();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void submitCommitsALocalDirectoryAndSendsItsFileUrlWithTheToken() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("my-model"));
    Files.writeString(repo.resolve("pom.xml"), "<project/>");
    Path sla = slaFile("\"ml_repo_branch\":\"dev\",");
    manager.on("POST", "/api/flops/projects", 201, created("p1"));

    CliRun run =
        CliRun.against(
            manager,
            "submit",
            sla.toString(),
            "--repo",
            repo.toString(),
            "--snapshot-dir",
            dir.resolve("snapshots").toString(),
            "--token",
            "s3cret");

    assertThat(run.exitCode()).isZero();
    Path snapshot = dir.resolve("snapshots").resolve("my-model");
    JsonNode sent = JSON.readTree(manager.requests().get(0).body());
    assertThat(sent.path("ml_repo_url").asText()).isEqualTo("file://" + snapshot);
    assertThat(sent.has("ml_repo_branch")).isFalse();
    assertThat(sent.path("training_configuration").path("data_tags").get(0).asText())
        .isEqualTo("mnist");
    assertThat(manager.requests().get(0).headers()).containsEntry("authorization", "Bearer s3cret");
    try (Git git = Git.open(snapshot.toFile())) {
      assertThat(run.out())
          .contains("Committed " + repo + " as Git repository file://" + snapshot)
          .contains(git.getRepository().resolve("HEAD").name().substring(0, 12))
          .contains("Submitted project p1 to " + manager.url())
          .contains("flops watch p1");
    }
  }

  @Test
  void submitKeepsAGitUrlAndPrintsTheAnswerAsJson() throws Exception {
    manager.on("POST", "/api/flops/projects", 201, created("p2"));

    CliRun run =
        CliRun.against(
            manager,
            "submit",
            slaFile("").toString(),
            "--repo",
            "https://git.example/acme/model.git",
            "-o",
            "json");

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(manager.requests().get(0).body()).path("ml_repo_url").asText())
        .isEqualTo("https://git.example/acme/model.git");
    assertThat(JSON.readTree(run.out()).path("flops_project_id").asText()).isEqualTo("p2");
    assertThat(manager.requests().get(0).headers()).doesNotContainKey("authorization");
  }

  @Test
  void anSlaThatIsNotJsonIsAUsageErrorAndNothingIsSent() throws Exception {
    Path sla = Files.writeString(dir.resolve("sla.json"), "{\"customerID\": ");

    CliRun run = CliRun.against(manager, "submit", sla.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code()).isEqualTo(2);
    assertThat(run.err()).contains(sla + " is not a readable JSON document");
    assertThat(manager.requests()).isEmpty();
  }

  @Test
  void anInvalidSlaIsRejectedWithEachBadField() throws Exception {
    manager.on(
        "POST",
        "/api/flops/projects",
        400,
        """
        {"status":400,"title":"Bad Request","detail":"The SLA is invalid.",
         "errors":[{"pointer":"/training_configuration/data_tags/0","message":"must not be null"}]}""");

    CliRun run = CliRun.against(manager, "submit", slaFile("").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.REJECTED.code());
    assertThat(run.err())
        .contains("answered 400: The SLA is invalid.")
        .contains("/training_configuration/data_tags/0: must not be null");
  }

  @Test
  void statusShowsResultsAndTimelineAndJsonIsTheProjectResource() throws Exception {
    manager.on("GET", "/api/flops/projects/p1", 200, TRAINING);

    CliRun text = CliRun.against(manager, "status", "p1");
    CliRun json = CliRun.against(manager, "status", "p1", "--output", "json");

    assertThat(text.exitCode()).isZero();
    assertThat(text.out())
        .contains("Project p1 of Admin: TRAINING")
        .contains("file:///tmp/repo (commit abc123)")
        .contains("AGGREGATOR aggrp1 (running)")
        .contains("2026-11-23T12:00:05Z TRAINING                 Training runs.");
    JsonNode project = JSON.readTree(json.out());
    assertThat(project.path("state").asText()).isEqualTo("TRAINING");
    assertThat(project.path("images").path("commit").asText()).isEqualTo("abc123");
    assertThat(project.path("stage_timings").path("accepted").asText())
        .isEqualTo("2026-11-23T12:00:00Z");
  }

  @Test
  void anUnknownProjectIsNotFound() {
    CliRun run = CliRun.against(manager, "status", "nope");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code()).isEqualTo(3);
    assertThat(run.err()).contains("flops status: GET " + manager.url()).contains("answered 404");
  }

  @Test
  void anUnreachableManagerHasItsOwnExitCode() {
    String gone = manager.url().toString();
    manager.close();

    CliRun run = CliRun.of("list", "--manager-url", gone);

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNREACHABLE.code()).isEqualTo(4);
    assertThat(run.err()).contains("Could not reach GET " + gone).contains("FLOPS_MANAGER_URL");
  }

  @Test
  void listFiltersByStateAndCustomerAndPrintsATableOrJson() throws Exception {
    manager.on(
        "GET",
        "/api/flops/projects",
        200,
        """
        [{"flops_project_id":"p2","customerID":"acme","state":"COMPLETED",
          "ml_repo_url":"https://git.example/acme/model.git","created_at":"2026-11-23T13:00:00Z"}]""");

    CliRun text = CliRun.against(manager, "list", "--state", "completed", "--customer", "acme co");
    CliRun json = CliRun.against(manager, "ls", "-o", "json");

    assertThat(manager.calls())
        .containsExactly(
            "GET /api/flops/projects?state=COMPLETED&customerID=acme+co&limit=1000",
            "GET /api/flops/projects?limit=1000");
    assertThat(text.out().lines())
        .first()
        .asString()
        .startsWith("ID")
        .contains("STATE", "CUSTOMER", "CREATED", "REPOSITORY");
    assertThat(text.out())
        .contains("p2", "COMPLETED", "acme", "2026-11-23T13:00:00Z", "git.example/acme");
    assertThat(JSON.readTree(json.out()).get(0).path("flops_project_id").asText()).isEqualTo("p2");
  }

  @Test
  void listReadsEveryPageOrTheNewestFewAndSaysHowManyMore() {
    String next = "<" + manager.url() + "/api/flops/projects?limit=1000&cursor=c2>; rel=\"next\"";
    manager
        .on(
            "GET",
            "/api/flops/projects",
            200,
            "[" + summary("p3") + "," + summary("p2") + "]",
            Map.of(ListPaging.TOTAL_COUNT, "3", ListPaging.LINK, next))
        .on("GET", "/api/flops/projects", 200, "[" + summary("p1") + "]", Map.of())
        .on(
            "GET",
            "/api/flops/projects",
            200,
            "[" + summary("p3") + "]",
            Map.of(ListPaging.TOTAL_COUNT, "3", ListPaging.LINK, next));

    CliRun all = CliRun.against(manager, "list");
    CliRun newest = CliRun.against(manager, "list", "--limit", "1");
    CliRun none = CliRun.against(manager, "list", "--limit", "0");

    assertThat(all.out()).contains("p3", "p2", "p1").doesNotContain("newest");
    assertThat(newest.out()).contains("p3").doesNotContain("p2");
    assertThat(newest.out()).contains("The newest 1 of 3 projects; a larger --limit shows more.");
    assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(none.err()).contains("--limit must be at least 1");
    assertThat(manager.calls())
        .containsExactly(
            "GET /api/flops/projects?limit=1000",
            "GET /api/flops/projects?limit=1000&cursor=c2",
            "GET /api/flops/projects?limit=1");
  }

  private static String summary(String id) {
    return """
        {"flops_project_id":"%s","customerID":"acme","state":"COMPLETED",
         "ml_repo_url":"https://git.example/acme/model.git","created_at":"2026-11-23T13:00:00Z"}"""
        .formatted(id);
  }

  @Test
  void cancelStopsTheProjectAndAnEndedOneIsAConflict() {
    manager.on(
        "DELETE", "/api/flops/projects/p1", 200, COMPLETED.replace("COMPLETED", "CANCELLED"));
    manager.on(
        "DELETE",
        "/api/flops/projects/p3",
        409,
        "{\"status\":409,\"detail\":\"Project p3 already ended (COMPLETED).\"}");

    CliRun cancelled = CliRun.against(manager, "cancel", "p1");
    CliRun ended = CliRun.against(manager, "cancel", "p3");

    assertThat(cancelled.exitCode()).isZero();
    assertThat(cancelled.out()).contains("Cancelled project p1 (CANCELLED)");
    assertThat(ended.exitCode()).isEqualTo(ExitCode.REJECTED.code());
    assertThat(ended.err()).contains("Project p3 already ended (COMPLETED).");
  }

  @Test
  void aRefusedTokenIsUnauthorized() {
    manager.on("GET", "/api/flops/projects", 401, "{\"status\":401,\"detail\":\"Bad token.\"}");

    CliRun run = CliRun.against(manager, "list", "--token", "wrong");

    assertThat(run.exitCode()).isEqualTo(ExitCode.UNAUTHORIZED.code());
    assertThat(run.err()).contains("Bad token.").contains("--token");
  }

  private Path slaFile(String extra) throws Exception {
    return Files.writeString(
        dir.resolve("sla.json"),
        "{\"customerID\":\"Admin\",\"ml_repo_url\":\"https://example.invalid/x\","
            + extra
            + "\"ml_model_flavor\":\"dl4j\","
            + "\"training_configuration\":{\"data_tags\":[\"mnist\"]}}");
  }

  private static String created(String id) {
    return "{\"message\":\"New FLOps project started successfully\",\"flops_project_id\":\""
        + id
        + "\"}";
  }
}
