package io.flops.manager.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.image.ImageNames;
import io.flops.common.image.LocalImageStore;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.support.Api;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The manager reuses the actor images of a commit it had built before: the builder stores and
 * reports them under the names {@link ImageNames} computes, and the manager looks up the same names
 * in the local image store.
 */
class ImageReuseIT extends ManagerITBase {

  private static final String COMMIT = "5f3c1a9e0b7d4c2a8e6f1b3d5c7a9e0f2b4d6c8a";

  @LocalServerPort int port;
  @Autowired MqttEndpoint mqtt;
  @Autowired EventKeys eventKeys;
  @Autowired ServiceLaunches launches;
  @Autowired InMemoryOrchestrator orchestrator;
  @Autowired LocalImageStore localImages;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "https://host/group/repo.git, group/repo",
    "https://host/repo.git, repo",
    "https://Host:8443/Group/Sub/Repo.git/, group/sub/repo"
  })
  void aSecondSubmissionOfTheSameCommitReusesTheImagesTheFirstBuilt(
      String repoUrl, String repository) throws Exception {
    Api api = new Api(port);
    String first = api.createProject(sla(repoUrl));
    api.awaitState(first, "BUILDING_IMAGES");
    List<String> built =
        List.of(
            ImageNames.learner("", repoUrl, COMMIT), ImageNames.aggregator("", repoUrl, COMMIT));
    builderStoresAndReports(first, built);
    JsonNode firstProject = api.awaitState(first, "STARTING_TRAINING");

    assertThat(built)
        .containsExactly(repository + "/learner:" + COMMIT, repository + "/aggregator:" + COMMIT);
    assertThat(firstProject.at("/images/reused").asBoolean()).isFalse();
    assertThat(firstProject.at("/images/learner").asText()).isEqualTo(built.get(0));

    String second = api.createProject(sla(repoUrl));
    JsonNode secondProject = api.awaitState(second, "STARTING_TRAINING");

    assertThat(states(secondProject)).containsExactly("ACCEPTED", "PREPARING", "STARTING_TRAINING");
    assertThat(secondProject.at("/images/reused").asBoolean()).isTrue();
    assertThat(secondProject.at("/images/learner").asText()).isEqualTo(built.get(0));
    assertThat(secondProject.at("/images/aggregator").asText()).isEqualTo(built.get(1));
    String learners = orchestrator.idOf("flearner" + second);
    assertThat(orchestrator.deployed().values())
        .noneMatch(spec -> spec.name().equals("builder" + second));
    assertThat(orchestrator.deployed().get(learners).image()).isEqualTo(built.get(0));
  }

  /** What the builder does with the local image store: store the images, then report them. */
  private void builderStoresAndReports(String projectId, List<String> images) throws Exception {
    for (String image : images) {
      Path tarball = localImages.tarball(image);
      Files.createDirectories(tarball.getParent());
      Files.write(tarball, new byte[] {1});
    }
    try (SealedEvents builder = new SealedEvents(launches)) {
      builder.publish(
          new ComponentEvent.BuilderSucceeded(
              UUID.randomUUID().toString(),
              projectId,
              BuildPlan.FL_ACTORS,
              images,
              COMMIT,
              Map.of(),
              1));
    }
  }

  private static String sla(String repoUrl) {
    return """
        {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s","ml_repo_branch":"%s",
         "training_configuration":{"data_tags":["mnist"],"training_rounds":1,
           "min_available_clients":1,"min_fit_clients":1,"min_evaluate_clients":1}}"""
        .formatted(repoUrl, COMMIT);
  }

  private static List<String> states(JsonNode project) {
    List<String> states = new ArrayList<>();
    project.get("timeline").forEach(step -> states.add(step.get("to").asText()));
    return states;
  }
}
