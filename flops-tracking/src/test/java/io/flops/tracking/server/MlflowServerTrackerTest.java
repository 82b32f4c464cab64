package io.flops.tracking.server;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.flops.tracking.ExperimentTracker.RunStatus;
import io.flops.tracking.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server adapter against the recorded MLflow 2.17.2 exchanges, replayed verbatim. */
class MlflowServerTrackerTest {

  private static final String CLIENT_RUN = "5ca1ab1e000000000000000000000001";
  private static final String AGGREGATOR_RUN = "5ca1ab1e000000000000000000000002";
  private static final String PROXY =
      "/api/2.0/mlflow-artifacts/artifacts/1/" + CLIENT_RUN + "/artifacts/";

  private final MlflowStubServer mlflow = new MlflowStubServer();
  @TempDir Path temp;

  @AfterEach
  void stop() {
    mlflow.close();
  }

  @Test
  void createsTheExperimentOnceAndReusesItAfterwards() {
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "", ""))) {
      assertThat(tracker.getOrCreateExperiment("fl-mnist", Map.of("fl.federation", "mnist-demo")))
          .isEqualTo("1");
      assertThat(tracker.getOrCreateExperiment("fl-mnist", Map.of())).isEqualTo("1");
    }
    assertThat(mlflow.calls())
        .containsExactly(
            "GET /api/2.0/mlflow/experiments/get-by-name",
            "POST /api/2.0/mlflow/experiments/create",
            "GET /api/2.0/mlflow/experiments/get-by-name");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void logsARunWithBatchedParamsAndMetricsAndEndsIt() {
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "", ""))) {
      String run = tracker.startRun("1", "client-1-round-1", null, Map.of("fl.role", "client"));
      tracker.logParams(run, Map.of("learning_rate", "0.01"));
      tracker.logMetrics(run, Map.of("loss", 0.25, "accuracy", 0.8125), 3);
      tracker.endRun(run, RunStatus.FINISHED);
      assertThat(run).isEqualTo(CLIENT_RUN);
      assertThat(tracker.startRun("1", "aggregator-round-1", run, Map.of()))
          .isEqualTo(AGGREGATOR_RUN);
    }
    assertThat(mlflow.calls())
        .containsExactly(
            "POST /api/2.0/mlflow/runs/create",
            "POST /api/2.0/mlflow/runs/log-batch",
            "POST /api/2.0/mlflow/runs/log-batch",
            "POST /api/2.0/mlflow/runs/update",
            "POST /api/2.0/mlflow/runs/create");
    mlflow
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/api/2.0/mlflow/runs/create"))
                .withRequestBody(matchingJsonPath("$.run_name", equalTo("aggregator-round-1")))
                .withRequestBody(
                    matchingJsonPath(
                        "$.tags[?(@.key == 'mlflow.parentRunId')].value", equalTo(CLIENT_RUN))));
    mlflow
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/api/2.0/mlflow/runs/log-batch"))
                .withRequestBody(
                    matchingJsonPath("$.metrics[?(@.key == 'loss')].value", equalTo("0.25")))
                .withRequestBody(
                    matchingJsonPath("$.metrics[?(@.key == 'loss')].step", equalTo("3"))));
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void logsTheModelThroughTheArtifactProxyAndRegistersIt() throws Exception {
    String uri;
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "", ""))) {
      String run = tracker.startRun("1", "client-1-round-1", null, Map.of());
      uri =
          tracker.logModel(
              run, "model", TestModels.mnistModel(temp.resolve("saved")), "fl-mnist-global");
    }
    assertThat(uri).isEqualTo("runs:/" + CLIENT_RUN + "/model");
    assertThat(mlflow.calls())
        .containsExactly(
            "POST /api/2.0/mlflow/runs/create",
            "PUT " + PROXY + "model/MLmodel",
            "PUT " + PROXY + "model/dependencies.txt",
            "PUT " + PROXY + "model/model.bin",
            "POST /api/2.0/mlflow/runs/log-model",
            "POST /api/2.0/mlflow/registered-models/create",
            "POST /api/2.0/mlflow/model-versions/create");
    LoggedRequest binary =
        mlflow
            .wireMock()
            .findAll(putRequestedFor(urlPathEqualTo(PROXY + "model/model.bin")))
            .get(0);
    assertThat(binary.getBody()).isEqualTo(TestModels.modelBytes());
    LoggedRequest mlmodel =
        mlflow.wireMock().findAll(putRequestedFor(urlPathEqualTo(PROXY + "model/MLmodel"))).get(0);
    assertThat(mlmodel.getBodyAsString())
        .contains(
            "artifact_path: model\n", "  dl4j:\n", "run_id: " + CLIENT_RUN + "\n", "signature:\n");
    mlflow
        .wireMock()
        .verify(
            postRequestedFor(urlPathEqualTo("/api/2.0/mlflow/model-versions/create"))
                .withRequestBody(
                    matchingJsonPath("$.source", equalTo("runs:/" + CLIENT_RUN + "/model"))));
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void downloadsAModelDirectoryThroughTheArtifactProxy() throws Exception {
    Path target;
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "", ""))) {
      target = tracker.downloadArtifacts(CLIENT_RUN, "model", temp.resolve("download"));
    }
    assertThat(Files.readAllBytes(target.resolve("model.bin"))).isEqualTo(TestModels.modelBytes());
    assertThat(Files.readString(target.resolve("MLmodel")))
        .contains("dl4j:", "model_data: model.bin");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void sendsABearerTokenOrBasicCredentials() {
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("s3cret", "", ""))) {
      tracker.getOrCreateExperiment("fl-mnist", Map.of());
    }
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "ada", "pw"))) {
      tracker.getOrCreateExperiment("fl-mnist", Map.of());
    }
    List<String> headers =
        mlflow.requests().stream().map(request -> request.getHeader("Authorization")).toList();
    assertThat(headers).containsExactly("Bearer s3cret", "Bearer s3cret", "Basic YWRhOnB3");
    assertThat(mlflow.unmatched()).isEmpty();
  }

  @Test
  void aRejectedCallIsSkippedWithoutFailingTheCaller() {
    try (MlflowServerTracker tracker = new MlflowServerTracker(mlflow.settings("", "", ""))) {
      tracker.logMetrics("00000000000000000000000000000000", Map.of("loss", 1.0), 1);
      String run = tracker.startRun("1", "client-1-round-1", null, Map.of());
      assertThat(run).isEqualTo(CLIENT_RUN);
    }
    assertThat(mlflow.wireMock().findAll(postRequestedFor(anyUrl()))).hasSize(2);
  }
}
