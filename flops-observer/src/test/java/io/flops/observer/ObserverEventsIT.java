package io.flops.observer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.flops.common.events.Component;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.common.events.Topics;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.observer.EventStream;
import io.flops.common.observer.ObserverClient;
import io.flops.common.observer.SequencedEvent;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import io.flops.common.tls.CaTrust;
import io.flops.common.tls.ParticipantAuthority;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events published on a real Mosquitto reach the observer's JSON and SSE API once, in order. */
class ObserverEventsIT {

  private static ExternalServer broker;
  @TempDir Path storage;

  @BeforeAll
  static void startBroker() {
    broker = Mosquitto.start(Path.of("target/mosquitto-events-it"));
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void eventsAppearOnceEachInOrderThroughJsonAndSseAndSurviveARestart() throws Exception {
    String projectId = "p-events";
    List<String> streamed = new CopyOnWriteArrayList<>();
    try (ProjectEvents events = new ProjectEvents(Mosquitto.url(broker), projectId)) {
      try (RunningObserver observer = RunningObserver.start(projectId, url(), storage)) {
        ObserverClient client = observer.client();
        try (EventStream stream = client.stream(0, event -> streamed.add(event.id()))) {
          Stream.of("e1", "e2", "e3").forEach(id -> events.publish(ProjectEvents.log(id)));
          events.publish(ProjectEvents.log("e2"));
          Stream.of("e4", "e5").forEach(id -> events.publish(ProjectEvents.log(id)));

          awaitIds(client, "e1", "e2", "e3", "e4", "e5");
          await().atMost(Duration.ofSeconds(10)).until(() -> streamed.size() >= 5);
          assertThat(streamed).containsExactly("e1", "e2", "e3", "e4", "e5");
          assertThat(client.events(3).events())
              .extracting(SequencedEvent::id)
              .containsExactly("e4", "e5");
          assertThat(stream.lastSeq()).isEqualTo(5);
        }
      }

      events.publish(ProjectEvents.log("e6"));
      events.publish(ProjectEvents.log("e1"));
      events.publish(ProjectEvents.log("e7"));

      try (RunningObserver restarted = RunningObserver.start(projectId, url(), storage)) {
        ObserverClient client = restarted.client();
        awaitIds(client, "e1", "e2", "e3", "e4", "e5", "e6", "e7");
        assertThat(client.events(0).events())
            .extracting(SequencedEvent::seq)
            .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(client.events(0).lastSeq()).isEqualTo(7);

        List<String> replayed = new CopyOnWriteArrayList<>();
        try (EventStream stream = client.stream(5, event -> replayed.add(event.id()))) {
          events.publish(ProjectEvents.log("e8"));
          await().atMost(Duration.ofSeconds(10)).until(() -> replayed.size() >= 3);
          assertThat(replayed).containsExactly("e6", "e7", "e8");
        }
        assertThat(firstStreamedLines(restarted.url(), "7", RunningObserver.readToken(projectId)))
            .containsExactly("id:8", "data:" + jsonOf(client.events(7).events().get(0)));

        HttpResponse<String> negative =
            get(
                restarted.url().resolve("api/events?since=-1"),
                RunningObserver.readToken(projectId));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.headers().firstValue("Content-Type"))
            .hasValue("application/problem+json");
        assertThat(negative.body()).contains("\"title\":\"Bad Request\"", "since");
      }
    }
  }

  @Test
  void anEventLogThatCannotBeWrittenIsReportedToTheManagerAndTheEventIsDeliveredAgain()
      throws Exception {
    String projectId = "p-disk";
    BlockingQueue<ComponentEvent> toManager = new LinkedBlockingQueue<>();
    EventCodec codec = new EventCodec();
    MqttClient manager = new MqttClient(url(), "manager-" + projectId, new MemoryPersistence());
    manager.connect();
    String failedTopic = Topics.manager(Component.PROJECT_OBSERVER, "failed");
    manager.subscribe(
        new MqttSubscription[] {new MqttSubscription(failedTopic, 1)},
        new IMqttMessageListener[] {
          (topic, message) -> toManager.add(codec.decode(topic, message.getPayload()))
        });
    try (ProjectEvents events = new ProjectEvents(url(), projectId);
        RunningObserver observer = RunningObserver.start(projectId, url(), storage)) {
      ObserverClient client = observer.client();
      events.publish(ProjectEvents.log("e1"));
      awaitIds(client, "e1");
      Path file = storage.resolve(projectId + ".events.jsonl");
      Files.delete(file);
      Files.createDirectory(file);

      events.publish(ProjectEvents.log("e2"));

      ComponentEvent report = toManager.poll(20, TimeUnit.SECONDS);
      assertThat(report).isInstanceOf(ComponentEvent.ObserverFailed.class);
      assertThat(report.projectId()).isEqualTo(projectId);
      assertThat(((ComponentEvent.ObserverFailed) report).errorMessage())
          .startsWith("The observer of project p-disk cannot keep events: Cannot append")
          .contains(file.toString())
          .endsWith("Is a directory");
      assertThat(client.events(0).events()).extracting(SequencedEvent::id).containsExactly("e1");

      Files.delete(file);
      awaitIds(client, "e1", "e2");
      assertThat(Files.readString(file)).contains("\"id\":\"e2\"");
    } finally {
      manager.disconnect();
      manager.close();
    }
  }

  @Test
  void eventsNotSealedWithTheProjectsKeyAreNeverShown() throws Exception {
    String projectId = "p-forged";
    try (ProjectEvents own = new ProjectEvents(url(), projectId);
        RunningObserver observer = RunningObserver.start(projectId, url(), storage)) {
      ObserverClient client = observer.client();
      own.publish(ProjectEvents.log("e1"));
      awaitIds(client, "e1");

      // closing waits until the broker took them, so they reach the observer before e2
      try (ProjectEvents unsealed = new ProjectEvents(url(), projectId, null);
          ProjectEvents otherProjects =
              new ProjectEvents(url(), projectId, ProjectEvents.keyOf("p-other"))) {
        unsealed.publish(ProjectEvents.log("forged-1"));
        otherProjects.publish(ProjectEvents.log("forged-2"));
      }
      own.publish(ProjectEvents.log("e2"));

      awaitIds(client, "e1", "e2");
      assertThat(Files.readString(storage.resolve(projectId + ".events.jsonl")))
          .doesNotContain("forged");
    }
  }

  private static String url() {
    return Mosquitto.url(broker);
  }

  private static void awaitIds(ObserverClient client, String... ids) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(client.events(0).events())
                    .extracting(SequencedEvent::id)
                    .containsExactly(ids));
  }

  @Test
  void theEventsNeedTheReadTokenThePageDoesNot() throws Exception {
    String projectId = "p-token-" + System.nanoTime();
    try (RunningObserver observer = RunningObserver.start(projectId, url(), storage)) {
      URI events = observer.url().resolve("api/events");
      assertThat(get(events, null).statusCode()).isEqualTo(401);
      assertThat(get(events, "guess").statusCode()).isEqualTo(401);
      assertThat(get(observer.url().resolve("api/events?token=guess"), null).statusCode())
          .isEqualTo(401);
      assertThat(get(events, RunningObserver.readToken(projectId)).statusCode()).isEqualTo(200);
      assertThat(get(observer.url(), null).statusCode()).as("the page").isEqualTo(200);
      assertThat(get(observer.url().resolve("actuator/health"), null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withACertificateTheObserverAnswersOnlyOverHttpsToClientsTrustingTheAuthority()
      throws Exception {
    String projectId = "p-https-" + System.nanoTime();
    ParticipantAuthority authority = ParticipantAuthority.inMemory();
    TlsLaunch identity = authority.issueWebServer(projectId, "observer", List.of());
    try (RunningObserver observer = RunningObserver.start(projectId, url(), storage, identity)) {
      URI events = observer.httpsUrl().resolve("api/events");
      HttpClient trusting =
          HttpClient.newBuilder()
              .sslContext(CaTrust.sslContext(authority.certificatePem()))
              .build();

      assertThat(get(trusting, events, RunningObserver.readToken(projectId)).statusCode())
          .isEqualTo(200);
      assertThat(get(trusting, events, null).statusCode()).isEqualTo(401);
      assertThat(get(trusting, observer.httpsUrl(), null).statusCode()).as("page").isEqualTo(200);
      assertThatThrownBy(() -> get(HttpClient.newHttpClient(), events, null))
          .as("a client that does not trust the authority")
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      assertThat(plainStatus(observer.url().resolve("api/events"), projectId))
          .as("plain HTTP")
          .isNotEqualTo(200);
    }
  }

  private static int plainStatus(URI uri, String projectId) {
    try {
      return get(uri, RunningObserver.readToken(projectId)).statusCode();
    } catch (Exception refused) {
      return -1;
    }
  }

  private static String jsonOf(SequencedEvent event) throws Exception {
    return io.flops.common.observer.JsonLinesEventStore.JSON.writeValueAsString(event);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    return get(HttpClient.newHttpClient(), uri, token);
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What a reconnecting browser reads: the first event after its {@code Last-Event-ID}. */
  private static List<String> firstStreamedLines(URI base, String lastEventId, String token)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/events/stream?token=" + token))
            .header("Accept", "text/event-stream")
            .header("Last-Event-ID", lastEventId)
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("text/event-stream");
    try (Stream<String> lines = response.body()) {
      return lines.filter(line -> !line.startsWith(":")).limit(2).toList();
    }
  }
}
