package io.flops.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import io.flops.common.api.DeployedServiceView;
import io.flops.common.api.ListPaging;
import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import io.flops.common.observer.ServerSentEventReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client reads the manager's documented answers (docs/api.md) and names failures. */
class ManagerClientTest {

  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private ManagerClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.start();
    client =
        new ManagerClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(String path, int status, String contentType, String body) {
    server.createContext(
        path,
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", contentType);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
  }

  @Test
  void readsAProjectWithItsResultsAndStageTimings() {
    answer(
        "/api/flops/projects/3fa2",
        200,
        "application/json",
        """
        {"flops_project_id":"3fa2","customerID":"acme","state":"COMPLETED",
         "timeline":[{"at":"2026-11-23T12:00:00Z","to":"ACCEPTED","message":"Project accepted."}],
         "services":[{"role":"AGGREGATOR","deployment_id":"d1","name":"aggr3fa2","image":"i",
                      "cluster":null,"undeployed":true},
                     {"role":"INFERENCE_SERVER","deployment_id":"d2","name":"inf3fa2","image":"j",
                      "undeployed":false}],
         "images":{"commit":"abc","learner":"l","aggregator":"a","reused":false,"trained_model":"t"},
         "tracking":{"uri":"file:///x/mlruns","experiment_id":"1","run_id":"r","model_uri":"runs:/r/model"},
         "accuracy":0.93,"loss":0.21,"inference_url":"http://127.0.0.1:8080",
         "stage_timings":{"accepted":"2026-11-23T12:00:00Z","first_round":"2026-11-23T12:01:00Z"},
         "a_field_added_later":1}""");

    ProjectView project = client.project("3fa2");

    assertThat(project.state().isTerminal()).isTrue();
    assertThat(project.accuracy()).isEqualTo(0.93);
    assertThat(project.images().trainedModel()).isEqualTo("t");
    assertThat(project.tracking().runId()).isEqualTo("r");
    assertThat(project.timeline().get(0).to()).isEqualTo(ProjectState.ACCEPTED);
    assertThat(project.runningServices())
        .extracting(DeployedServiceView::role)
        .containsExactly("INFERENCE_SERVER");
    assertThat(project.stageTimings())
        .containsEntry(Milestone.FIRST_ROUND, Instant.parse("2026-11-23T12:01:00Z"));
  }

  @Test
  void aRefusedSlaNamesTheManagersReasonAndEachBadField() {
    answer(
        "/api/flops/projects",
        400,
        "application/problem+json",
        """
        {"type":"about:blank","title":"Bad Request","status":400,"detail":"The SLA is invalid.",
         "errors":[{"pointer":"/training_configuration/min_fit_clients","message":"must be at most 2"}]}""");

    assertThatThrownBy(() -> client.createProject(JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(ManagerApiException.class)
        .hasMessageContaining("answered 400")
        .hasMessageContaining("The SLA is invalid.")
        .hasMessageContaining("/training_configuration/min_fit_clients: must be at most 2")
        .satisfies(e -> assertThat(((ManagerApiException) e).status()).isEqualTo(400));
    assertThat(requests).containsExactly("POST /api/flops/projects");
  }

  @Test
  void readsEventsAfterAPosition() {
    answer(
        "/api/flops/projects/p1/events",
        200,
        "application/json",
        """
        {"project_id":"p1","last_seq":7,"events":[{"seq":7,"id":"e7","ts":"2026-11-23T12:00:00Z",
         "source":"aggregator","level":"INFO","kind":"ROUND","message":"Round 1",
         "data":{"round":1,"loss":0.4,"accuracy":0.9}}]}""");

    var page = client.events("p1", 6);

    assertThat(requests).containsExactly("GET /api/flops/projects/p1/events?since=6");
    assertThat(page.lastSeq()).isEqualTo(7);
    assertThat(page.events().get(0).data()).containsEntry("accuracy", 0.9);
  }

  @Test
  void anUnreachableManagerIsNotAliveAndACallSaysWhichRequestFailed() {
    URI nobody = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    server.stop(0);
    ManagerClient gone = new ManagerClient(nobody, Duration.ofSeconds(2));

    assertThat(gone.alive()).isFalse();
    assertThatThrownBy(() -> gone.project("p1"))
        .hasMessageStartingWith("Could not reach GET " + nobody + "/api/flops/projects/p1");
  }

  @Test
  void sendsTheTokenAndTheListFilters() {
    List<String> authorizations = new ArrayList<>();
    server.createContext(
        "/api/flops/projects",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = "[]".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    ManagerClient withToken =
        new ManagerClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            Duration.ofSeconds(5),
            "t0ken");

    withToken.projects(ProjectState.FAILED, "acme");
    client.projects();

    assertThat(requests)
        .containsExactly(
            "GET /api/flops/projects?state=FAILED&customerID=acme&limit=1000",
            "GET /api/flops/projects?limit=1000");
    assertThat(authorizations).containsExactly("Bearer t0ken", null);
  }

  @Test
  void followsNextLinksOnItsOwnManagerUntilTheLastPageOrTheLimit() {
    server.createContext(
        "/api/flops/projects",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          String query = exchange.getRequestURI().getRawQuery();
          int from =
              query.contains("cursor=") ? Integer.parseInt(query.replaceAll(".*cursor=", "")) : 0;
          StringBuilder body = new StringBuilder("[");
          for (int i = from; i < Math.min(from + 2, 5); i++) {
            body.append(i == from ? "" : ",")
                .append("{\"flops_project_id\":\"p")
                .append(i)
                .append("\",\"state\":\"FAILED\"}");
          }
          byte[] bytes = body.append("]").toString().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add(ListPaging.TOTAL_COUNT, "5");
          if (from + 2 < 5) {
            URI next =
                URI.create(
                    "http://elsewhere.invalid:1/api/flops/projects?state=FAILED&limit=2&cursor="
                        + (from + 2));
            exchange.getResponseHeaders().add(ListPaging.LINK, ListPaging.nextLink(next));
          }
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });

    List<String> all =
        client.projects(ProjectState.FAILED, null).stream().map(p -> p.id()).toList();
    requests.clear();
    ProjectList firstThree = client.projects(ProjectState.FAILED, null, 3);

    assertThat(all).containsExactly("p0", "p1", "p2", "p3", "p4");
    assertThat(firstThree.projects()).extracting(p -> p.id()).containsExactly("p0", "p1", "p2");
    assertThat(firstThree.total()).isEqualTo(5);
    assertThat(firstThree.truncated()).isTrue();
    assertThat(requests)
        .containsExactly(
            "GET /api/flops/projects?state=FAILED&limit=3",
            "GET /api/flops/projects?state=FAILED&limit=2&cursor=2");
  }

  @Test
  void anEventStreamOfAnUnknownProjectFailsWithTheManagersReason() {
    answer(
        "/api/flops/projects/nope/events/stream",
        404,
        "application/problem+json",
        "{\"status\":404,\"detail\":\"There is no project nope.\"}");

    var stream = client.streamEvents("nope", 0, new ServerSentEventReader(event -> {}));

    assertThatThrownBy(stream::join)
        .hasCauseInstanceOf(ManagerApiException.class)
        .hasMessageContaining("answered 404: There is no project nope.");
  }

  @Test
  void readsTheNodeList() {
    answer(
        "/api/flops/nodes",
        200,
        "application/json",
        """
        [{"cluster":"c0","node":"n0","data_server":{"address":"127.0.0.1:1","ready":true,
          "tags":[{"tag":"mnist","datasets":1,"rows":10,"bytes":99}]}}]""");

    var nodes = client.nodes();

    assertThat(nodes).hasSize(1);
    assertThat(nodes.get(0).dataServer().tags().get(0).rows()).isEqualTo(10);
  }

  @Test
  void readsTheInferenceTokenAndTheAuthoritysCertificate() {
    answer(
        "/api/flops/projects/3fa3",
        200,
        "application/json",
        """
        {"flops_project_id":"3fa3","customerID":"acme","state":"COMPLETED",
         "inference_url":"https://127.0.0.1:8080","inference_token":"inf-t"}""");
    answer(
        "/api/flops/ca",
        200,
        "application/x-pem-file",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    assertThat(client.project("3fa3").inferenceToken()).isEqualTo("inf-t");
    assertThat(client.authorityCertificate()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void anInferenceClientWithATokenSendsItAsBearer() {
    List<String> authorizations = new ArrayList<>();
    server.createContext(
        "/invocations",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = "{\"predictions\":[\"7\"]}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

    List<String> predicted =
        new InferenceClient(url, Duration.ofSeconds(5), "inf-t", null)
            .predict(List.of(new float[] {0f}));
    new InferenceClient(url, Duration.ofSeconds(5)).predict(List.of(new float[] {0f}));

    assertThat(predicted).containsExactly("7");
    assertThat(authorizations).containsExactly("Bearer inf-t", null);
  }
}
