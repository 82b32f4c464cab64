package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.image.ImageNames;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.testsupport.ExternalServer;
import io.flops.manager.ManagerApplication;
import io.flops.manager.lifecycle.RestartRecovery;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/** A manager stopped mid-project and started again keeps the project and carries on. */
class RestartIT {

  @TempDir Path dir;

  private final InMemoryOrchestrator orchestrator = new InMemoryOrchestrator();
  private final int mqttPort = ExternalServer.freePort();

  private ConfigurableApplicationContext start() {
    return start(orchestrator, dir.resolve("data"));
  }

  /** A manager on {@code platform} with its data in {@code data}. */
  private ConfigurableApplicationContext start(Orchestrator platform, Path data) {
    return new SpringApplicationBuilder(ManagerApplication.class)
        .initializers(
            context ->
                ((GenericApplicationContext) context)
                    .registerBean(
                        "inMemoryOrchestrator",
                        Orchestrator.class,
                        () -> platform,
                        definition -> definition.setPrimary(true)))
        // command-line arguments, so they win over application.yml (default properties would not)
        .run(
            "--server.port=0",
            "--flops.data-dir=" + data,
            "--flops.orchestrator.local.work-dir=" + data.resolve("services"),
            "--flops.orchestrator.local.image-store=" + data.resolve("images"),
            "--flops.orchestrator.local.image-cache=" + data.resolve("image-cache"),
            "--flops.mqtt.embedded-port=" + mqttPort,
            "--flops.lifecycle.status-poll-interval=300ms",
            "--flops.lifecycle.inference-ready-timeout=1s",
            "--flops.lifecycle.observer-grace=0s",
            "--flops.admin-token=" + ManagerITBase.ADMIN_TOKEN,
            "--flops.repositories.allowed-file-roots=" + System.getProperty("java.io.tmpdir"));
  }

  private static Api api(ConfigurableApplicationContext context) {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  /** Publishes as the project's service would: sealed with the installation's key for it. */
  private void publish(ComponentEvent event) {
    EventKeys keys = EventKeys.of(dir.resolve("data"));
    try (SealedEvents publisher = SealedEvents.embedded("tcp://127.0.0.1:" + mqttPort, keys)) {
      publisher.publish(event);
    }
  }

  @Test
  void aRestartedManagerKeepsTheProjectAndItsStateAndFinishesIt() throws Exception {
    Path repo = dir.resolve("repo");
    String repoUrl = GitRepos.create(repo);
    String commit = GitRepos.head(repo);
    String sla =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"%s","training_configuration":{"data_tags":["m"]}}"""
            .formatted(repoUrl);
    String id;
    String waiting;
    try (ConfigurableApplicationContext first = start()) {
      Api api = api(first);
      id = api.createProject(sla);
      waiting = api.createProject(sla);
      api.awaitState(waiting, "BUILDING_IMAGES");
      api.awaitState(id, "BUILDING_IMAGES");
      publish(
          new ComponentEvent.BuilderSucceeded(
              UUID.randomUUID().toString(),
              id,
              BuildPlan.FL_ACTORS,
              List.of(),
              commit,
              Map.of(),
              1));
      api.awaitState(id, "STARTING_TRAINING");
      publish(
          new ComponentEvent.AggregatorStarted(
              UUID.randomUUID().toString(), id, AggregatorType.CLASSIC_AGGREGATOR));
      api.awaitState(id, "TRAINING");
    }
    int deployedBeforeRestart = orchestrator.deployed().size();

    try (ConfigurableApplicationContext second = start()) {
      Api api = api(second);
      JsonNode training = api.get("/api/flops/projects/" + id).body();
      assertThat(training.get("state").asText()).isEqualTo("TRAINING");
      assertThat(training.get("timeline")).hasSize(5);
      assertThat(api.get("/api/flops/projects/" + waiting).body().get("state").asText())
          .isEqualTo("BUILDING_IMAGES");

      publish(
          new ComponentEvent.AggregatorSucceeded(
              UUID.randomUUID().toString(),
              id,
              AggregatorType.CLASSIC_AGGREGATOR,
              0.9,
              0.1,
              null,
              null,
              null));
      JsonNode done = api.awaitState(id, "COMPLETED");
      assertThat(done.get("timeline")).hasSize(6);
      assertThat(orchestrator.deployed()).hasSize(deployedBeforeRestart);
      orchestrator.awaitNothingRunningOf(id);
      assertThat(orchestrator.running()).noneMatch(s -> id.equals(s.projectId()));
    }
  }

  @Test
  void aSecondManagerOnTheSameBrokerPortRefusesToStartNamingThePortAndTheSetting() {
    try (ConfigurableApplicationContext first = start()) {
      assertThatThrownBy(() -> start(new InMemoryOrchestrator(), dir.resolve("second")).close())
          .hasStackTraceContaining("cannot listen on 127.0.0.1:" + mqttPort)
          .hasStackTraceContaining("Set flops.mqtt.embedded-port to a free port");
      assertThat(api(first).get("/api/flops/projects").status()).isEqualTo(200);
    }
  }

  @Test
  void aRestartThatLostEveryServiceDeploysThemAgainOrFailsWithTheTrueReason() throws Exception {
    Path repo = dir.resolve("repo");
    String repoUrl = GitRepos.create(repo);
    String commit = GitRepos.head(repo);
    String sla =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"%s",%s"training_configuration":{"data_tags":["m"]}}""";
    String plain = sla.formatted(repoUrl, "");
    String serving =
        sla.formatted(
            repoUrl,
            "\"post_training_steps\":[\"build_image_for_trained_model\",\"deploy_trained_model_image\"],");
    String training;
    String building;
    String completed;
    String firstUrl;
    try (ConfigurableApplicationContext first = start()) {
      Api api = api(first);
      training = api.createProject(plain);
      building = api.createProject(plain);
      completed = api.createProject(serving);
      api.awaitState(building, "BUILDING_IMAGES");
      for (String id : List.of(training, completed)) {
        api.awaitState(id, "BUILDING_IMAGES");
        publish(
            new ComponentEvent.BuilderSucceeded(
                UUID.randomUUID().toString(),
                id,
                BuildPlan.FL_ACTORS,
                List.of(),
                commit,
                Map.of(),
                1));
        api.awaitState(id, "STARTING_TRAINING");
        publish(
            new ComponentEvent.AggregatorStarted(
                UUID.randomUUID().toString(), id, AggregatorType.CLASSIC_AGGREGATOR));
        api.awaitState(id, "TRAINING");
      }
      publish(
          new ComponentEvent.AggregatorSucceeded(
              UUID.randomUUID().toString(),
              completed,
              AggregatorType.CLASSIC_AGGREGATOR,
              0.9,
              0.1,
              null,
              "run-1",
              null));
      api.awaitState(completed, "BUILDING_INFERENCE_IMAGE");
      publish(
          new ComponentEvent.BuilderSucceeded(
              UUID.randomUUID().toString(),
              completed,
              BuildPlan.TRAINED_MODEL,
              List.of(ImageNames.trainedModel("", "admin", "run-1")),
              null,
              Map.of(),
              1));
      firstUrl = api.awaitState(completed, "COMPLETED").get("inference_url").asText();
    }

    InMemoryOrchestrator lostEverything = new InMemoryOrchestrator();
    try (ConfigurableApplicationContext second = start(lostEverything, dir.resolve("data"))) {
      Api api = api(second);
      JsonNode failed = api.awaitState(training, "FAILED");
      assertThat(failed.get("failure_reason").asText()).isEqualTo(RestartRecovery.TRAINING_LOST);

      String builder = lostEverything.idOf("builder" + building);
      lostEverything.idOf("observ" + building);
      assertThat(lostEverything.deployed().get(builder).environment())
          .containsEntry("FLOPS_BUILDER_REPO_BRANCH", commit);
      assertThat(api.get("/api/flops/projects/" + building).body().get("state").asText())
          .isEqualTo("BUILDING_IMAGES");

      String server = lostEverything.idOf("trmodel" + completed);
      String url = "http://" + lostEverything.publicAddress(server, 0).orElseThrow().hostPort(8080);
      JsonNode served =
          api.awaitProject(
              completed,
              p -> url.equals(p.path("inference_url").asText()),
              "the new inference URL");
      assertThat(served.get("state").asText()).isEqualTo("COMPLETED");
      assertThat(url).isNotEqualTo(firstUrl);
    }
  }
}
