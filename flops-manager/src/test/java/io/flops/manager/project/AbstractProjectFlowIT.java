package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.EventCodec;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The MQTT flow of a project, as components would drive it: run against the embedded broker and
 * against Mosquitto by the subclasses.
 */
abstract class AbstractProjectFlowIT extends ManagerITBase {

  @TempDir static Path repos;

  @LocalServerPort int port;
  @Autowired InMemoryOrchestrator orchestrator;
  @Autowired MqttEndpoint mqtt;
  @Autowired EventKeys eventKeys;
  @Autowired ServiceLaunches launches;
  @Autowired FlopsProperties flops;

  /** The manager's own user on the external brokers of the subclasses. */
  static final String MANAGER_USER = "flops";

  static final String MANAGER_PASSWORD = "manager-pw";

  Api api;
  SealedEvents components;
  MqttClient observer;
  final List<ObserverEvent> observed = new CopyOnWriteArrayList<>();
  String repoUrl;
  String commit;

  @BeforeEach
  void connect() throws Exception {
    api = new Api(port);
    Path repo = repos.resolve("repo-" + UUID.randomUUID());
    repoUrl = GitRepos.create(repo);
    commit = GitRepos.head(repo);
    components = new SealedEvents(launches);
    observer = new MqttClient(mqtt.url(), "observer-" + UUID.randomUUID(), new MemoryPersistence());
    observer.connect(managerCredential());
    EventCodec codec = new EventCodec();
    observer.subscribe(
        new MqttSubscription[] {new MqttSubscription("project_observer/+", 1)},
        new IMqttMessageListener[] {
          (topic, message) -> observed.add(codec.decodeObserverEvent(message.getPayload()))
        });
  }

  /**
   * A client connected with the broker credential the manager gives project {@code id}'s services.
   */
  MqttClient connectedAsServicesOf(String id) throws MqttException {
    return connectedAs(launches.of(id, false));
  }

  /** A client connected with the broker credential of {@code service}. */
  MqttClient connectedAs(ServiceLaunch service) throws MqttException {
    MqttClient client =
        new MqttClient(mqtt.url(), service.projectId() + "-" + id(), new MemoryPersistence());
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(service.mqttUsername());
    options.setPassword(service.mqttPassword().getBytes(StandardCharsets.UTF_8));
    client.connect(options);
    return client;
  }

  /**
   * With one broker identity per project (the embedded broker, Mosquitto's dynamic security): a
   * project's services can neither read nor write another project's stream, nor read everything.
   */
  void assertServicesReachOnlyTheirOwnProjectsTopics() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    observer.subscribe(
        new MqttSubscription[] {new MqttSubscription("project_observer/+", 1)},
        new IMqttMessageListener[] {(topic, message) -> heard.add(topic)});
    MqttClient service = connectedAsServicesOf("p1");
    IMqttToken other =
        service.subscribe(new MqttSubscription[] {new MqttSubscription("project_observer/p2", 1)});
    assertThat(other.getReasonCodes())
        .as("subscribing to another project's stream is not granted")
        .doesNotContain(0, 1, 2);
    IMqttToken all = service.subscribe(new MqttSubscription[] {new MqttSubscription("#", 1)});
    assertThat(all.getReasonCodes()).as("subscribing to everything").doesNotContain(0, 1, 2);
    publishQuietly(service, "project_observer/p1");
    publishQuietly(service, "project_observer/p2");
    service.disconnectForcibly();
    service.close();
    Instant deadline = Instant.now().plusSeconds(10);
    while (!heard.contains("project_observer/p1") && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(heard).as("its own stream").contains("project_observer/p1");
    assertThat(heard).as("what the broker let through").doesNotContain("project_observer/p2");
  }

  /** Publishes one message; the broker may refuse it or close the connection. */
  private static void publishQuietly(MqttClient client, String topic) {
    try {
      client.publish(topic, new MqttMessage("{}".getBytes(StandardCharsets.UTF_8), 1, false, null));
    } catch (MqttException refused) {
      // refused: what the test expects for another project's topic
    }
  }

  /**
   * Points the manager at the external {@code broker} as {@link #MANAGER_USER}, with its data and
   * its services' working directories under {@code dir}.
   */
  static void useExternalBroker(DynamicPropertyRegistry registry, ExternalServer broker, Path dir) {
    registry.add("flops.mqtt.url", () -> Mosquitto.url(broker));
    registry.add("flops.mqtt.username", () -> MANAGER_USER);
    registry.add("flops.mqtt.password", () -> MANAGER_PASSWORD);
    registry.add("flops.data-dir", () -> dir.resolve("data").toString());
    registry.add("flops.orchestrator.local.work-dir", () -> dir.resolve("services").toString());
  }

  /** Connection options with the manager's own broker credential. */
  MqttConnectionOptions managerCredential() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setUserName(mqtt.username());
    options.setPassword(mqtt.password().getBytes(StandardCharsets.UTF_8));
    return options;
  }

  @AfterEach
  void disconnect() throws Exception {
    components.close();
    observer.disconnect();
    observer.close();
  }

  String sla(String extra) {
    return """
        {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s",%s
         "training_configuration":{"data_tags":["mnist"],"training_rounds":2,
           "min_available_clients":2,"min_fit_clients":2,"min_evaluate_clients":2}}"""
        .formatted(repoUrl, extra);
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  ServiceSpec spec(String name) {
    String id = orchestrator.idOf(name);
    return orchestrator.deployed().get(id);
  }

  static List<String> states(JsonNode project) {
    List<String> states = new ArrayList<>();
    project.get("timeline").forEach(step -> states.add(step.get("to").asText()));
    return states;
  }

  @Test
  void theBrokerRefusesAnonymousClientsAndWrongPasswords() throws Exception {
    MqttClient anonymous = new MqttClient(mqtt.url(), "anonymous-" + id(), new MemoryPersistence());
    assertThatThrownBy(anonymous::connect)
        .as("anonymous connect")
        .isInstanceOf(MqttException.class);
    anonymous.close();
    MqttClient guesser = new MqttClient(mqtt.url(), "guesser-" + id(), new MemoryPersistence());
    MqttConnectionOptions wrong = managerCredential();
    wrong.setPassword("guess".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> guesser.connect(wrong))
        .as("the manager's user with a wrong password")
        .isInstanceOf(MqttException.class);
    guesser.close();
  }

  @Test
  void servicesCannotReadTheReportsOfOtherServices() throws Exception {
    List<String> managerHeard = new CopyOnWriteArrayList<>();
    observer.subscribe(
        new MqttSubscription[] {new MqttSubscription("flops_manager/+/+", 1)},
        new IMqttMessageListener[] {(topic, message) -> managerHeard.add(topic)});
    MqttClient client = connectedAsServicesOf("p1");
    List<String> serviceHeard = new CopyOnWriteArrayList<>();
    try {
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription("flops_manager/+/+", 1)},
          new IMqttMessageListener[] {(topic, message) -> serviceHeard.add(topic)});
    } catch (MqttException refused) {
      // the embedded broker refuses the subscription itself; Mosquitto withholds the messages
    }
    String topic = "flops_manager/probe/" + UUID.randomUUID().toString().substring(0, 8);
    observer.publish(topic, new MqttMessage("{}".getBytes(StandardCharsets.UTF_8), 1, false, null));
    Instant until = Instant.now().plusSeconds(10);
    while (!managerHeard.contains(topic) && Instant.now().isBefore(until)) {
      Thread.sleep(50);
    }
    Thread.sleep(500);
    assertThat(managerHeard).as("the manager hears the report").contains(topic);
    assertThat(serviceHeard).as("what a project's services heard of reports").isEmpty();
    client.disconnectForcibly();
    client.close();
  }

  @Test
  void eventsNotSealedWithTheProjectsKeyChangeNothing() throws Exception {
    String id = api.createProject(sla(""));
    JsonNode building = api.awaitState(id, "BUILDING_IMAGES");
    assertThat(spec("builder" + id).environment())
        .as("the project's services get its event key")
        .containsEntry("FLOPS_EVENT_KEY", eventKeys.keyOf(id));
    String stranger = "victim" + UUID.randomUUID().toString().substring(0, 8);
    ComponentEvent attackersImages =
        new ComponentEvent.BuilderSucceeded(
            id(),
            id,
            BuildPlan.FL_ACTORS,
            List.of("evil/learner:1", "evil/aggregator:1"),
            commit,
            Map.of(),
            1);
    // an anonymous publisher, and one with another project's key; closing flushes them
    try (MqttEventPublisher anonymous = MqttEventPublisher.connect(mqtt.url(), "x-" + id());
        SealedEvents otherProject = new SealedEvents(ignored -> launches.of("p2", false))) {
      anonymous.publish(attackersImages);
      otherProject.publish(attackersImages);
      for (int i = 0; i < 20; i++) {
        anonymous.publish(
            stranger,
            new ObserverEvent(
                id(),
                Instant.now(),
                "attacker",
                ObserverEvent.Level.WARN,
                ObserverEvent.Kind.LOG,
                "flood " + i,
                Map.of()));
      }
    }

    Instant until = Instant.now().plusSeconds(3);
    while (Instant.now().isBefore(until)) {
      assertThat(api.get("/api/flops/projects/" + id).body().get("state").asText())
          .isEqualTo("BUILDING_IMAGES");
      Thread.sleep(200);
    }
    assertThat(flops.getDataDir().resolve("events").resolve(stranger + ".jsonl"))
        .as("no event log for forged observer events")
        .doesNotExist();
    // sealed with the project's own key (user code in its learner has it), but naming other images
    components.publish(attackersImages);
    Instant refusing = Instant.now().plusSeconds(2);
    while (Instant.now().isBefore(refusing)) {
      assertThat(api.get("/api/flops/projects/" + id).body().get("state").asText())
          .as("a report of the project's own key naming foreign images")
          .isEqualTo("BUILDING_IMAGES");
      Thread.sleep(200);
    }
    components.publish(
        new ComponentEvent.BuilderSucceeded(
            id(),
            id,
            BuildPlan.FL_ACTORS,
            List.of(
                building.at("/images/learner").asText(),
                building.at("/images/aggregator").asText()),
            commit,
            Map.of(),
            1));
    JsonNode starting = api.awaitState(id, "STARTING_TRAINING");
    assertThat(starting.at("/images/learner").asText())
        .isEqualTo(building.at("/images/learner").asText())
        .doesNotContain("evil");
    assertThat(api.delete("/api/flops/projects/" + id).status()).isEqualTo(200);
  }

  @Test
  void aProjectWalksToCompletedOnBuilderAndAggregatorEvents() {
    String id = api.createProject(sla(""));
    JsonNode building = api.awaitState(id, "BUILDING_IMAGES");
    String learnerImage = building.at("/images/learner").asText();
    String aggregatorImage = building.at("/images/aggregator").asText();
    assertThat(learnerImage).as("the names the builder is to use").endsWith("/learner:" + commit);

    ServiceSpec builder = spec("builder" + id);
    assertThat(builder.environment())
        .containsEntry("FLOPS_BUILDER_PLAN", "fl_actors")
        .containsEntry("FLOPS_BUILDER_REPO_URL", repoUrl)
        .containsEntry("FLOPS_BUILDER_REPO_BRANCH", commit)
        .containsEntry("FLOPS_BUILDER_FLAVOR", "dl4j")
        .containsEntry("FLOPS_PROJECT_ID", id)
        .containsEntry("FLOPS_MQTT_URL", mqtt.publicUrl());
    assertThat(spec("observ" + id).ports()).containsExactly(2727);

    components.publish(new ComponentEvent.BuilderStarted(id(), id, BuildPlan.FL_ACTORS));
    ComponentEvent built =
        new ComponentEvent.BuilderSucceeded(
            id(),
            id,
            BuildPlan.FL_ACTORS,
            List.of(learnerImage, aggregatorImage),
            commit,
            Map.of(),
            10);
    components.publish(built);
    api.awaitState(id, "STARTING_TRAINING");

    ServiceSpec aggregator = spec("aggr" + id);
    assertThat(aggregator.image()).isEqualTo(aggregatorImage);
    assertThat(aggregator.environment())
        .containsEntry("FLOPS_AGGREGATOR_ROLE", "classic")
        .containsEntry("FLOPS_AGGREGATOR_ROUNDS", "2")
        .containsEntry("FLOPS_AGGREGATOR_MIN_FIT_CLIENTS", "2")
        .containsEntry("FLOPS_AGGREGATOR_STRATEGY", "fedavg");
    String aggregatorAddress =
        orchestrator.address(orchestrator.idOf("aggr" + id), 0).hostPort(8080);
    ServiceSpec learners = spec("flearner" + id);
    assertThat(learners.instances()).isEqualTo(2);
    assertThat(learners.image()).isEqualTo(learnerImage);
    assertThat(learners.environment())
        .containsEntry("FLOPS_LEARNER_AGGREGATOR_ADDRESS", aggregatorAddress)
        .containsEntry("FLOPS_LEARNER_DATA_TAGS", "mnist")
        .containsEntry("FLOPS_LEARNER_NAME", "learner");

    ComponentEvent started =
        new ComponentEvent.AggregatorStarted(id(), id, AggregatorType.CLASSIC_AGGREGATOR);
    components.publish(started);
    components.publish(started);
    components.publish(built);
    api.awaitState(id, "TRAINING");
    components.publish(
        id,
        new ObserverEvent(
            id(),
            Instant.now(),
            "aggregator",
            ObserverEvent.Level.INFO,
            ObserverEvent.Kind.ROUND,
            "Round 1 finished.",
            Map.of("round", 1, "loss", 0.3, "accuracy", 0.9)));
    api.awaitProject(id, p -> p.at("/stage_timings/first_round").isTextual(), "a first round");
    components.publish(
        new ComponentEvent.AggregatorSucceeded(
            id(), id, AggregatorType.CLASSIC_AGGREGATOR, 0.93, 0.21, "exp-1", "run-9", null));
    JsonNode done = api.awaitState(id, "COMPLETED");

    assertThat(states(done))
        .containsExactly(
            "ACCEPTED",
            "PREPARING",
            "BUILDING_IMAGES",
            "STARTING_TRAINING",
            "TRAINING",
            "COMPLETED");
    done.get("timeline").forEach(step -> assertThat(step.get("at").asText()).isNotBlank());
    assertThat(done.get("accuracy").asDouble()).isEqualTo(0.93);
    assertThat(done.at("/tracking/run_id").asText()).isEqualTo("run-9");
    assertThat(done.get("stage_timings").fieldNames())
        .toIterable()
        .containsExactly(
            "accepted",
            "images_built",
            "training_started",
            "first_round",
            "training_done",
            "ended");
    api.awaitProject(id, p -> stageRow(id).isPresent(), "a row in stage-timings.csv");
    List<String> row = List.of(stageRow(id).orElseThrow().split(",", -1));
    List<String> header = List.of(stageCsvLines().get(0).split(","));
    assertThat(row.get(header.indexOf("state"))).isEqualTo("COMPLETED");
    assertThat(row.get(header.indexOf("mode"))).isEqualTo("classic");
    assertThat(Double.parseDouble(row.get(header.indexOf("first_round_s"))))
        .isLessThanOrEqualTo(Double.parseDouble(row.get(header.indexOf("training_done_s"))));
    assertThat(row.get(header.indexOf("inference_ready_s"))).isEmpty();
    assertThat(row.get(header.indexOf("accuracy"))).isEqualTo("0.93");
    orchestrator.awaitNothingRunningOf(id);
    assertThat(orchestrator.running()).noneMatch(s -> id.equals(s.projectId()));
    api.awaitProject(
        id, p -> observedStates(id).contains("COMPLETED"), "a COMPLETED observer event");
    assertThat(observedStates(id))
        .containsSubsequence(
            "PREPARING", "BUILDING_IMAGES", "STARTING_TRAINING", "TRAINING", "COMPLETED");
  }

  List<String> stageCsvLines() {
    Path csv = flops.getDataDir().resolve("stage-timings.csv");
    try {
      return Files.exists(csv) ? Files.readAllLines(csv) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Optional<String> stageRow(String projectId) {
    return stageCsvLines().stream().filter(l -> l.startsWith(projectId + ",")).findFirst();
  }

  List<String> observedStates(String projectId) {
    return observed.stream()
        .filter(e -> e.kind() == ObserverEvent.Kind.STATE)
        .filter(e -> e.data().get("to") != null)
        .map(e -> String.valueOf(e.data().get("to")))
        .toList();
  }
}
