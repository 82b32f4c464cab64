package io.flops.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.InferenceClient;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.demo.ExampleRepository;
import io.flops.cli.demo.MnistTestImages;
import io.flops.common.api.DeployedServiceView;
import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.HostAddress;
import io.flops.common.testsupport.MnistFiles;
import io.flops.common.testsupport.PodmanService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The MNIST project of the demo run through the Docker-Engine adapter on Podman: the FLOps service
 * images and the project's learner and aggregator images come from a local CNCF registry; the
 * observer, the data servers, the aggregator, the learners, the trained-model builder and the
 * inference server run as containers.
 */
class DockerProjectIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theMnistProjectRunsInContainersFromTheRegistryAndServesItsModel() throws Exception {
    BuiltImages images = BuiltImages.get();
    Path work = Files.createTempDirectory(BuiltImages.WORK, "docker-project-");
    // containers run as a non-root user and share this directory with the manager
    Path data = Files.createDirectories(work.resolve("data"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path repository = work.resolve("mnist-dl4j");
    String repoUrl =
        ExampleRepository.commit(Images.root().resolve("examples/mnist-dl4j"), repository);
    ActorImages.build(images, repoUrl, work);

    ExternalServer podman = PodmanService.start(work.resolve("podman"), images.address());
    ContainerManager manager = ContainerManager.start(images, podman.port(), data, work);
    try {
      ManagerClient api = manager.client();
      DataPush.push(
          "mnist",
          manager.dataServers(2, Duration.ofMinutes(3)),
          ContainerManager.WRITER_TOKEN,
          api.authorityCertificate(),
          work);

      String id = api.createProject(sla(repoUrl));
      ProjectView done = awaitEnd(api, id, Duration.ofMinutes(20));

      assertThat(done.state()).as(done.failureReason()).isEqualTo(ProjectState.COMPLETED);
      assertThat(done.images().commit()).matches("[0-9a-f]{40}");
      assertThat(done.images().reused())
          .as("learner and aggregator images from the registry")
          .isTrue();
      assertThat(done.accuracy()).isGreaterThanOrEqualTo(0.90);
      assertThat(done.images().trainedModel())
          .startsWith(images.address() + "/admin/trained_model:" + done.tracking().runId());
      assertThat(done.runningServices())
          .extracting(DeployedServiceView::role)
          .containsExactly("INFERENCE_SERVER");
      assertThat(done.stageTimings())
          .containsKeys(Milestone.IMAGES_BUILT, Milestone.FIRST_ROUND, Milestone.INFERENCE_READY);

      MnistTestImages digits = MnistTestImages.read(MnistFiles.directory());
      List<float[]> rows = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rows.add(digits.image(i));
      }
      List<String> predicted =
          new InferenceClient(URI.create(done.inferenceUrl()), Duration.ofSeconds(30))
              .predict(rows);
      long right = 0;
      for (int i = 0; i < 10; i++) {
        right += predicted.get(i).equals(String.valueOf(digits.label(i))) ? 1 : 0;
      }
      assertThat(right)
          .as("right predictions of the first 10 test digits: " + predicted)
          .isGreaterThanOrEqualTo(9);
    } finally {
      manager.stop();
      Podman cli = new Podman(work);
      cli.removeAllFlopsContainers();
      cli.removeImagesFrom(images.address());
      podman.close();
    }
  }

  private static ObjectNode sla(String repoUrl) throws IOException {
    ObjectNode sla =
        (ObjectNode) JSON.readTree(Images.root().resolve("examples/mnist-dl4j/sla.json").toFile());
    sla.put("ml_repo_url", repoUrl);
    ObjectNode training = (ObjectNode) sla.get("training_configuration");
    training
        .put("min_available_clients", 2)
        .put("min_fit_clients", 2)
        .put("min_evaluate_clients", 2);
    sla.putArray("post_training_steps")
        .add("build_image_for_trained_model")
        .add("deploy_trained_model_image");
    return sla;
  }

  /** The project once it ended and the manager undeployed what it does not keep. */
  private static ProjectView awaitEnd(ManagerClient api, String id, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    ProjectView status = api.project(id);
    while (!status.state().isTerminal() && Instant.now().isBefore(deadline)) {
      Thread.sleep(2000);
      status = api.project(id);
    }
    Instant cleanedUp = Instant.now().plusSeconds(60);
    while (status.runningServices().stream().anyMatch(s -> !s.role().equals("INFERENCE_SERVER"))
        && Instant.now().isBefore(cleanedUp)) {
      Thread.sleep(1000);
      status = api.project(id);
    }
    return status;
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static String hostAddress() {
    return HostAddress.forContainers();
  }
}
