package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.client.InferenceClient;
import io.flops.cli.progress.ProgressView;
import io.flops.common.api.Milestone;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end, once: the real manager from its exec jar starts two simulated nodes, the
 * mock provider pushes real MNIST to them, the builder compiles examples/mnist-dl4j from a Git
 * repository, two learners train three rounds, the trained model's image is built and its inference
 * server deployed; then everything is stopped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DemoIT {

  static final Path HOME =
      Path.of(System.getProperty("flops.home", "..")).toAbsolutePath().normalize();

  @TempDir static Path dir;

  private final CapturedOutput output = new CapturedOutput();
  private DemoRun demo;
  private DemoResult result;

  @BeforeAll
  void runTheDemo() {
    demo =
        new DemoRun(
            TestDemos.defaults(dir, Duration.ofMinutes(12)), new ProgressView(output.terminal()));
    result = demo.run();
    DemoSummary.print(result, output.terminal());
  }

  @AfterAll
  void stop() {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  @Order(1)
  void theProjectCompletesWithAtLeast90PercentAccuracy() {
    ProjectView project = result.project();
    assertThat(project.state())
        .as("failure: %s", project.failureReason())
        .isEqualTo(ProjectState.COMPLETED);
    assertThat(project.accuracy()).isGreaterThanOrEqualTo(0.90);
    assertThat(project.images().trainedModel()).isNotBlank();
    assertThat(project.stageTimings())
        .containsKeys(Milestone.ACCEPTED, Milestone.FIRST_ROUND, Milestone.INFERENCE_READY);
  }

  @Test
  @Order(2)
  void theDeployedInferenceServerPredictsRealMnistTestDigits() {
    assertThat(result.prediction().correct())
        .as(
            "digit #%d, label %d, predicted %s",
            result.prediction().index(),
            result.prediction().label(),
            result.prediction().predicted())
        .isTrue();
    MnistTestImages digits = MnistTestImages.read(MnistTestImages.defaultDirectory());
    InferenceClient inference =
        new InferenceClient(URI.create(result.project().inferenceUrl()), Duration.ofSeconds(60));
    List<float[]> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      rows.add(digits.image(i));
    }
    List<String> predictions = inference.predict(rows);
    long correct = 0;
    for (int i = 0; i < rows.size(); i++) {
      correct += predictions.get(i).equals(Integer.toString(digits.label(i))) ? 1 : 0;
    }
    assertThat(correct / (double) rows.size()).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  @Order(3)
  void mlflowHoldsThreeRoundRunsAndTheModelInTheBestRoundsRun() {
    MlflowFileStore store = new MlflowFileStore(dir.resolve("data").resolve("mlruns"));
    Path experiment = store.experiment("FLOps Project " + result.project().id());
    List<MlflowFileStore.Run> runs = store.runs(experiment);
    assertThat(runs)
        .extracting(MlflowFileStore.Run::name)
        .containsExactlyInAnyOrder("FLOps FL round 1", "FLOps FL round 2", "FLOps FL round 3");

    MlflowFileStore.Run best =
        runs.stream()
            .max(Comparator.comparingDouble(run -> run.last("accuracy").orElseThrow()))
            .orElseThrow();
    assertThat(best.artifact("model/MLmodel")).exists();
    assertThat(best.artifact("model/MLmodel"))
        .content()
        .contains("dl4j_version: 1.0.0-M2.1\n", "mlflow_version: 2.17.2\n");
    assertThat(best.artifact("model/dependencies.txt"))
        .content()
        .contains("org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1\n");
    assertThat(best.last("accuracy")).contains(result.project().accuracy());
    assertThat(result.project().tracking().runId()).isEqualTo(best.id());
    runs.stream()
        .filter(run -> run != best)
        .forEach(run -> assertThat(run.artifact("model/MLmodel")).doesNotExist());
  }

  @Test
  @Order(4)
  void theTerminalShowsTheProgressAndTheSummary() {
    String text = output.text();
    assertThat(text)
        .contains("BUILDING_IMAGES", "TRAINING", "DEPLOYING_INFERENCE", "COMPLETED")
        .contains("Compiling with Maven took")
        .contains("Final accuracy", "Inference image", "Inference URL", "Prediction")
        .contains("mlflow ui --backend-store-uri " + dir.resolve("data").resolve("mlruns"))
        .doesNotContain("\033[");
    assertThat(text.lines().filter(line -> line.matches("\\s+aggregator\\s+[123]\\s+.*")))
        .hasSize(3);
  }

  @Test
  @Order(5)
  void stoppingLeavesNoProcessAndNoInferenceServer() throws Exception {
    ManagerProcess manager = demo.managerProcess();
    assertThat(manager.children()).isNotEmpty();

    demo.close();

    assertThat(demo.forced()).as("processes that outlived the manager").isEmpty();
    assertThat(manager.leftovers()).isEmpty();
    assertThat(
            new InferenceClient(URI.create(result.project().inferenceUrl()), Duration.ofSeconds(2))
                .ready())
        .isFalse();
    assertThat(Files.readString(dir.resolve("data").resolve("manager.log")))
        .contains("Data server of simulated node 1 listens on");
  }
}
