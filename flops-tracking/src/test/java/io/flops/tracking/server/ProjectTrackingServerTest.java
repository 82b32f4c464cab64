package io.flops.tracking.server;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flops.tracking.MlflowConventions;
import io.flops.tracking.TestModels;
import io.flops.tracking.project.ProjectTracking;
import io.flops.tracking.project.ProjectTrackingFixtures;
import io.flops.tracking.project.RoundRecord;
import io.flops.tracking.project.TrackingSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-round project tracked into an MLflow server (WireMock replaying the recorded exchanges, with
 * names and ids of project "mnist-demo"): the exact calls, the best-model rule and an outage.
 */
class ProjectTrackingServerTest {

  private static final String API = "/api/2.0/mlflow/";
  private static final String[] RUNS = {
    "5ca1ab1e0000000000000000000000a1",
    "5ca1ab1e0000000000000000000000a2",
    "5ca1ab1e0000000000000000000000a3"
  };
  private static final String PROXY =
      "/api/2.0/mlflow-artifacts/artifacts/2/" + RUNS[1] + "/artifacts/model/";

  private final MlflowStubServer mlflow = new MlflowStubServer();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path temp;
  private MlflowServerTracker tracker;

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void tracksThreeRoundsAndLogsTheBestModelIntoTheBestRoundsRun() throws Exception {
    TrackingSummary summary = trainThreeRounds(() -> {});

    List<String> expected =
        new ArrayList<>(
            List.of(
                "GET " + API + "experiments/get-by-name",
                "POST " + API + "experiments/create",
                "POST " + API + "runs/search"));
    for (int round = 1; round <= 3; round++) {
      expected.addAll(roundCalls());
    }
    expected.addAll(modelCalls());
    assertThat(mlflow.calls()).containsExactlyElementsOf(expected);
    assertThat(summary.experimentId()).isEqualTo("2");
    assertThat(summary.bestRound()).isEqualTo(2);
    assertThat(summary.bestRunId()).isEqualTo(RUNS[1]);
    assertThat(summary.modelUri()).isEqualTo("runs:/" + RUNS[1] + "/model");
    assertThat(metricsOfRun(RUNS[0]).path("loss").asDouble()).isEqualTo(0.9);
    assertThat(metricsOfRun(RUNS[2]).path("accuracy").asDouble()).isEqualTo(0.89);
    mlflow
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo(API + "runs/log-model"))
                .withRequestBody(matchingJsonPath("$.run_id", equalTo(RUNS[1]))));
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void reusesTheExperimentOfAProjectThatWasTrackedBefore() throws Exception {
    setScenario("experiment-flops-project-mnist-demo", "EXISTS");
    trainThreeRounds(() -> {});
    assertThat(mlflow.calls())
        .startsWith(
            "GET " + API + "experiments/get-by-name",
            "POST " + API + "runs/search",
            "POST " + API + "runs/create");
    assertThat(mlflow.calls()).doesNotContain("POST " + API + "experiments/create");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void anOutageInTheMiddleSlowsTrackingButTrainingCompletesAndTheMetricsArriveLater()
      throws Exception {
    List<String> callsBeforeRecovery = new ArrayList<>();
    TrackingSummary summary =
        trainThreeRounds(
            () -> {
              if (mlflow.wireMock().isRunning()) {
                awaitDelivered();
                mlflow.goDown();
              } else {
                callsBeforeRecovery.addAll(mlflow.calls());
                mlflow.recover();
              }
            });

    List<String> firstRound =
        new ArrayList<>(
            List.of(
                "GET " + API + "experiments/get-by-name",
                "POST " + API + "experiments/create",
                "POST " + API + "runs/search"));
    firstRound.addAll(roundCalls());
    assertThat(callsBeforeRecovery)
        .as("nothing of round 2 reached the server while it was down")
        .containsExactlyElementsOf(firstRound);

    List<String> expected =
        new ArrayList<>(
            List.of(
                "GET " + API + "experiments/get-by-name",
                "POST " + API + "experiments/create",
                "POST " + API + "runs/search"));
    for (int round = 1; round <= 3; round++) {
      expected.addAll(roundCalls());
    }
    expected.addAll(modelCalls());
    assertThat(mlflow.calls()).containsExactlyElementsOf(expected);
    assertThat(metricsOfRun(RUNS[1]).path("loss").asDouble()).isEqualTo(0.35);
    assertThat(summary.bestRunId()).isEqualTo(RUNS[1]);
    assertThat(summary.modelUri()).isEqualTo("runs:/" + RUNS[1] + "/model");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void theBestRoundIsNotTheLastAndTheRegisteredVersionPointsToItsRun() throws Exception {
    TrackingSummary summary = trainThreeRounds(() -> {}, false);

    assertThat(summary.bestRound()).isEqualTo(2);
    assertThat(summary.bestRunId()).isEqualTo(RUNS[1]);
    assertThat(mlflow.calls())
        .filteredOn(call -> call.startsWith("PUT "))
        .isNotEmpty()
        .allMatch(call -> call.startsWith("PUT " + PROXY));
    verifyPost("runs/log-model", "$.run_id", RUNS[1]);
    verifyPost("model-versions/create", "$.run_id", RUNS[1]);
    verifyPost("model-versions/create", "$.source", "runs:/" + RUNS[1] + "/model");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void runsBelongToTheFlopsUserAndTheRegisteredModelIsDescribedAsInTheFileStore() throws Exception {
    trainThreeRounds(() -> {}, false);

    for (LoggedRequest create :
        mlflow.wireMock().findAll(postRequestedFor(urlPathEqualTo(API + "runs/create")))) {
      JsonNode body = json.readTree(create.getBodyAsString());
      assertThat(body.path("user_id").asText()).isEqualTo(MlflowConventions.USER);
      assertThat(body.path("tags").findValuesAsText("key")).contains(MlflowConventions.USER_TAG);
    }
    verifyPost("runs/create", "$.tags[?(@.key == 'mlflow.user')].value", MlflowConventions.USER);
    verifyPost(
        "registered-models/create",
        "$.description",
        MlflowConventions.registeredModelDescription("mnist-demo"));
  }

  @Test
  void eachRoundsRunStartsWhenTheRoundStartedAndEndsWhenItFinished() throws Exception {
    trainThreeRounds(() -> {}, false);

    for (int round = 1; round <= 3; round++) {
      RoundRecord record = ProjectTrackingFixtures.round(round);
      mlflow
          .wireMock()
          .verify(
              postRequestedFor(urlPathEqualTo(API + "runs/create"))
                  .withRequestBody(
                      matchingJsonPath("$.run_name", equalTo("FLOps FL round " + round)))
                  .withRequestBody(
                      matchingJsonPath(
                          "$.start_time",
                          equalTo(String.valueOf(record.started().toEpochMilli())))));
      mlflow
          .wireMock()
          .verify(
              postRequestedFor(urlPathEqualTo(API + "runs/update"))
                  .withRequestBody(matchingJsonPath("$.run_id", equalTo(RUNS[round - 1])))
                  .withRequestBody(
                      matchingJsonPath(
                          "$.end_time",
                          equalTo(String.valueOf(record.finished().toEpochMilli())))));
    }
  }

  /** Runs the rounds, calling {@code betweenRounds} after rounds 1 and 2. */
  private TrackingSummary trainThreeRounds(Runnable betweenRounds) throws Exception {
    return trainThreeRounds(betweenRounds, true);
  }

  /**
   * Runs the rounds; with {@code announceRounds} each round's start is reported when it starts,
   * else only its record (with its start time) when it finished.
   */
  private TrackingSummary trainThreeRounds(Runnable betweenRounds, boolean announceRounds)
      throws Exception {
    tracker = new MlflowServerTracker(mlflow.settings("", "", ""));
    ProjectTracking tracking = ProjectTracking.start(tracker, ProjectTrackingFixtures.PROJECT);
    for (int round = 1; round <= 3; round++) {
      if (announceRounds) {
        tracking.roundStarted(round);
      }
      tracking.roundFinished(ProjectTrackingFixtures.round(round));
      if (round < 3) {
        betweenRounds.run();
      }
    }
    return tracking.finish(tracking.bestRound(), TestModels.mnistModel(temp.resolve("best")));
  }

  private void awaitDelivered() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (tracker.pendingCalls() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000L);
    }
    assertThat(tracker.pendingCalls()).as("round 1 delivered before the outage").isZero();
  }

  private void verifyPost(String endpoint, String jsonPath, String value) {
    mlflow
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo(API + endpoint))
                .withRequestBody(matchingJsonPath(jsonPath, equalTo(value))));
  }

  private static List<String> roundCalls() {
    return List.of(
        "POST " + API + "runs/create",
        "POST " + API + "runs/log-batch",
        "POST " + API + "runs/log-batch",
        "POST " + API + "runs/update");
  }

  private static List<String> modelCalls() {
    return List.of(
        "PUT " + PROXY + "MLmodel",
        "PUT " + PROXY + "dependencies.txt",
        "PUT " + PROXY + "model.bin",
        "POST " + API + "runs/log-model",
        "POST " + API + "registered-models/create",
        "POST " + API + "model-versions/create");
  }

  /** The metrics logged for {@code runId}, by key, from its log-batch calls. */
  private JsonNode metricsOfRun(String runId) throws Exception {
    var metrics = json.createObjectNode();
    for (LoggedRequest request :
        mlflow.wireMock().findAll(postRequestedFor(urlPathEqualTo(API + "runs/log-batch")))) {
      JsonNode body = json.readTree(request.getBodyAsString());
      if (body.path("run_id").asText().equals(runId)) {
        body.path("metrics")
            .forEach(metric -> metrics.set(metric.path("key").asText(), metric.path("value")));
      }
    }
    return metrics;
  }

  private void setScenario(String scenario, String state) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(mlflow.url() + "/__admin/scenarios/" + scenario + "/state"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}"))
                    .header("Content-Type", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
