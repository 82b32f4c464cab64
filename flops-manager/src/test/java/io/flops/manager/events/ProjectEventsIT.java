package io.flops.manager.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.events.ObserverEvent;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Observer events published on MQTT come back from the manager as JSON and SSE, once each. */
class ProjectEventsIT extends ManagerITBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path repos;

  @LocalServerPort int port;
  @Autowired MqttEndpoint mqtt;
  @Autowired EventKeys eventKeys;
  @Autowired ServiceLaunches launches;
  @Autowired InMemoryOrchestrator orchestrator;

  @Test
  void publishedEventsAreServedOnceEachInOrderAsJsonAndSse() throws Exception {
    Api api = new Api(port);
    String repoUrl = GitRepos.create(repos.resolve("repo"));
    String id =
        api.createProject(
            """
            {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s",
             "training_configuration":{"data_tags":["mnist"],"training_rounds":2,
               "min_available_clients":2,"min_fit_clients":2,"min_evaluate_clients":2}}"""
                .formatted(repoUrl));
    List<String> sent = new ArrayList<>();
    try (SealedEvents learner = new SealedEvents(launches)) {
      for (int round = 1; round <= 3; round++) {
        ObserverEvent event = round(round);
        sent.add(event.id());
        learner.publish(id, event);
        if (round == 2) {
          learner.publish(id, event);
        }
      }
    }

    List<String> json = awaitTestEvents(api, id, 3);
    assertThat(json).containsExactlyElementsOf(sent);
    assertThat(sse(id, 3)).containsExactlyElementsOf(sent);

    long secondSeq = 0;
    for (JsonNode event : api.get("/api/flops/projects/" + id + "/events").body().get("events")) {
      if (event.get("id").asText().equals(sent.get(1))) {
        secondSeq = event.get("seq").asLong();
      }
    }
    JsonNode after = api.get("/api/flops/projects/" + id + "/events?since=" + secondSeq).body();
    assertThat(testIds(after.get("events"))).containsExactly(sent.get(2));
    assertThat(api.get("/api/flops/projects/no-such-project/events").status()).isEqualTo(404);
    Api.Reply negative = api.get("/api/flops/projects/" + id + "/events?since=-1");
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.contentType()).contains("application/problem+json");
    assertThat(negative.body().get("detail").asText()).contains("since");

    String observer = orchestrator.idOf("observ" + id);
    // the watchdog records it once the observer runs; a request never asks the platform
    JsonNode withUrl =
        api.awaitProject(id, p -> p.path("observer_url").isTextual(), "the observer's URL");
    assertThat(withUrl.path("observer_url").asText())
        .isEqualTo(
            "http://"
                + InMemoryOrchestrator.PUBLIC_HOST
                + ":"
                + orchestrator.address(observer, 0).ports().get(2727)
                + "#token="
                + launches.observerReadToken(id));
    assertThat(orchestrator.deployed().get(observer).environment())
        .containsEntry("FLOPS_OBSERVER_READ_TOKEN", launches.observerReadToken(id));
  }

  private static ObserverEvent round(int round) {
    return new ObserverEvent(
        UUID.randomUUID().toString(),
        Instant.now(),
        "it-learner",
        ObserverEvent.Level.INFO,
        ObserverEvent.Kind.ROUND,
        "round " + round,
        Map.of("round", round));
  }

  private static List<String> testIds(JsonNode events) {
    List<String> ids = new ArrayList<>();
    events.forEach(
        event -> {
          if ("it-learner".equals(event.path("source").asText())) {
            ids.add(event.get("id").asText());
          }
        });
    return ids;
  }

  private static List<String> awaitTestEvents(Api api, String id, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<String> ids = List.of();
    while (System.nanoTime() < deadline) {
      Api.Reply reply = api.get("/api/flops/projects/" + id + "/events");
      assertThat(reply.status()).isEqualTo(200);
      ids = testIds(reply.body().get("events"));
      if (ids.size() >= count) {
        Thread.sleep(500);
        return testIds(api.get("/api/flops/projects/" + id + "/events").body().get("events"));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Only " + ids.size() + " of " + count + " events arrived: " + ids);
  }

  private List<String> sse(String id, int count) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/flops/projects/" + id + "/events"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .timeout(Duration.ofSeconds(20))
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("text/event-stream");
    List<String> ids = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (ids.size() < count && it.hasNext()) {
        String line = it.next();
        if (line.startsWith("data:")) {
          JsonNode event = JSON.readTree(line.substring(5));
          if ("it-learner".equals(event.path("source").asText())) {
            ids.add(event.get("id").asText());
          }
        }
      }
    }
    return ids;
  }
}
