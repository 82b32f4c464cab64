package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.image.ImageNames;
import io.flops.common.image.LocalImageStore;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.support.InMemoryOrchestrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The project flow with the embedded store and broker, plus the paths the watchdog drives. */
class ManagerFlowIT extends AbstractProjectFlowIT {

  @Autowired LocalImageStore localImages;

  @Test
  void aProjectsServicesReachOnlyTheirOwnProjectsTopics() throws Exception {
    assertServicesReachOnlyTheirOwnProjectsTopics();
  }

  @Test
  void postTrainingStepsBuildAndDeployTheInferenceServer() {
    String id =
        api.createProject(
            sla(
                "\"post_training_steps\":[\"build_image_for_trained_model\",\"deploy_trained_model_image\"],"));
    api.awaitState(id, "BUILDING_IMAGES");
    components.publish(
        new ComponentEvent.BuilderSucceeded(
            id(), id, BuildPlan.FL_ACTORS, List.of(), commit, Map.of(), 1));
    api.awaitState(id, "STARTING_TRAINING");
    components.publish(
        new ComponentEvent.AggregatorSucceeded(
            id(),
            id,
            AggregatorType.CLASSIC_AGGREGATOR,
            0.8,
            0.4,
            "e",
            "run-1",
            "runs:/run-1/model"));
    api.awaitState(id, "BUILDING_INFERENCE_IMAGE");

    ServiceSpec builder = spec("trbuilder" + id);
    assertThat(builder.environment())
        .containsEntry("FLOPS_BUILDER_PLAN", "trained_model")
        .containsEntry("FLOPS_BUILDER_RUN_ID", "run-1")
        .containsEntry("FLOPS_BUILDER_MODEL_URI", "runs:/run-1/model")
        .containsEntry("FLOPS_BUILDER_CUSTOMER_ID", "acme");
    components.publish(
        new ComponentEvent.BuilderSucceeded(
            id(),
            id,
            BuildPlan.TRAINED_MODEL,
            List.of("acme/trained_model:run-1"),
            null,
            Map.of(),
            1));
    JsonNode done = api.awaitState(id, "COMPLETED");

    assertThat(states(done))
        .containsExactly(
            "ACCEPTED",
            "PREPARING",
            "BUILDING_IMAGES",
            "STARTING_TRAINING",
            "TRAINING",
            "BUILDING_INFERENCE_IMAGE",
            "DEPLOYING_INFERENCE",
            "COMPLETED");
    String inference = orchestrator.idOf("trmodel" + id);
    String url =
        "http://"
            + InMemoryOrchestrator.PUBLIC_HOST
            + ":"
            + orchestrator.address(inference, 0).ports().get(8080);
    assertThat(done.get("inference_url").asText()).isEqualTo(url);
    assertThat(done.at("/timeline/" + (done.get("timeline").size() - 1) + "/message").asText())
        .as("nothing answers at the documentation address, so the URL comes with a note")
        .isEqualTo(
            "The inference server runs at "
                + url
                + "; the manager could not reach it within PT1S.");
    orchestrator.awaitUntil(
        o -> o.running().stream().filter(s -> id.equals(s.projectId())).count() == 1);
    assertThat(orchestrator.running())
        .filteredOn(s -> id.equals(s.projectId()))
        .extracting(ServiceSpec::name)
        .containsExactly("trmodel" + id);
  }

  @Test
  void aLearnerFailureFailsTheProjectWithTheLearnersMessageAndUndeploysEverything() {
    String id = api.createProject(sla(""));
    api.awaitState(id, "BUILDING_IMAGES");
    components.publish(
        new ComponentEvent.BuilderSucceeded(
            id(), id, BuildPlan.FL_ACTORS, List.of(), commit, Map.of(), 1));
    api.awaitState(id, "STARTING_TRAINING");
    components.publish(
        new ComponentEvent.LearnerFailed(id(), id, "learner-2", "no data for tags [mnist]"));
    JsonNode failed = api.awaitState(id, "FAILED");

    assertThat(failed.get("failure_reason").asText())
        .isEqualTo("Learner learner-2 failed: no data for tags [mnist]");
    assertThat(failed.get("failing_component").asText()).isEqualTo("learner");
    orchestrator.awaitNothingRunningOf(id);
    assertThat(orchestrator.running()).noneMatch(s -> id.equals(s.projectId()));
  }

  @Test
  void aServiceTheOrchestratorReportsFailedFailsTheProject() {
    String id = api.createProject(sla(""));
    api.awaitState(id, "BUILDING_IMAGES");
    orchestrator.setState(orchestrator.idOf("builder" + id), DeploymentState.FAILED);
    JsonNode failed = api.awaitState(id, "FAILED");

    assertThat(failed.get("failure_reason").asText())
        .contains("builder" + id)
        .contains("FAILED")
        .contains("exit code 1");
  }

  @Test
  void cancellingUndeploysEverythingAndCannotBeRepeated() {
    String id = api.createProject(sla(""));
    api.awaitState(id, "BUILDING_IMAGES");

    var cancelled = api.delete("/api/flops/projects/" + id);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("state").asText()).isEqualTo("CANCELLED");
    orchestrator.awaitNothingRunningOf(id);
    assertThat(orchestrator.running()).noneMatch(s -> id.equals(s.projectId()));

    var again = api.delete("/api/flops/projects/" + id);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).contains("application/problem+json");
    assertThat(again.body().get("detail").asText())
        .contains("cannot take CANCEL in state CANCELLED");
  }

  @Test
  void existingImagesForTheCommitAreReused() throws Exception {
    for (String image :
        List.of(
            ImageNames.learner("", repoUrl, commit), ImageNames.aggregator("", repoUrl, commit))) {
      Path tarball = localImages.tarball(image);
      Files.createDirectories(tarball.getParent());
      Files.write(tarball, new byte[] {1});
    }
    String id = api.createProject(sla(""));
    JsonNode project = api.awaitState(id, "STARTING_TRAINING");

    assertThat(states(project)).containsExactly("ACCEPTED", "PREPARING", "STARTING_TRAINING");
    assertThat(project.at("/images/reused").asBoolean()).isTrue();
    assertThat(orchestrator.deployed().values()).noneMatch(s -> s.name().equals("builder" + id));
  }

  @Test
  void hierarchicalProjectsGetOneAggregatorAndTheirLearnersPerCluster() {
    orchestrator.setClusters(List.of(new Cluster("c1", "edge-a"), new Cluster("c2", "edge-b")));
    try {
      String id =
          api.createProject(
              sla("")
                  .replace(
                      "\"data_tags\"",
                      "\"mode\":\"hierarchical\",\"training_cycles\":4,\"data_tags\""));
      api.awaitState(id, "BUILDING_IMAGES");
      components.publish(
          new ComponentEvent.BuilderSucceeded(
              id(), id, BuildPlan.FL_ACTORS, List.of(), commit, Map.of(), 1));
      api.awaitState(id, "STARTING_TRAINING");

      ServiceSpec root = spec("raggr" + id);
      assertThat(orchestrator.deployed().values())
          .as("names Oakestra accepts, whatever the clusters are called")
          .allSatisfy(spec -> assertThat(spec.name()).matches("[a-zA-Z0-9]{1,30}"));
      assertThat(root.environment())
          .containsEntry("FLOPS_AGGREGATOR_ROLE", "root")
          .containsEntry("FLOPS_AGGREGATOR_ROUNDS", "4")
          .containsEntry("FLOPS_AGGREGATOR_MIN_AVAILABLE_CLIENTS", "2");
      String rootAddress = orchestrator.address(orchestrator.idOf("raggr" + id), 0).hostPort(8080);
      for (int i = 1; i <= 2; i++) {
        String cluster = i == 1 ? "edge-a" : "edge-b";
        ServiceSpec clusterAggregator = spec("cag" + id + i);
        assertThat(clusterAggregator.placement().cluster()).isEqualTo(cluster);
        assertThat(clusterAggregator.environment())
            .containsEntry("FLOPS_AGGREGATOR_ROLE", "cluster")
            .containsEntry("FLOPS_AGGREGATOR_ROOT_ADDRESS", rootAddress)
            .containsEntry("FLOPS_AGGREGATOR_CLUSTER", cluster);
        String address = orchestrator.address(orchestrator.idOf("cag" + id + i), 0).hostPort(8080);
        ServiceSpec learners = spec("flearner" + id + "c" + i);
        assertThat(learners.instances()).isEqualTo(2);
        assertThat(learners.placement().cluster()).isEqualTo(cluster);
        assertThat(learners.placement().addons()).containsExactly("FLOps-learner");
        assertThat(learners.environment())
            .containsEntry("FLOPS_LEARNER_AGGREGATOR_ADDRESS", address);
      }
    } finally {
      orchestrator.setClusters(List.of(new Cluster("c0", "local")));
    }
  }
}
