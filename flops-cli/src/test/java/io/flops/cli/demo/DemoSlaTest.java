package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo's SLAs are the example's SLA with the demo's repository, counts and steps. */
class DemoSlaTest {

  private static final Path TEMPLATE =
      Path.of(System.getProperty("flops.home", ".."), "examples", "mnist-dl4j", "sla.json");

  @Test
  void classicTwoLearnersThreeRoundsAndBothPostTrainingSteps() {
    ObjectNode sla = DemoSla.project(TEMPLATE, "file:///tmp/repo", 2, 3, 2, false);

    JsonNode training = sla.path("training_configuration");
    assertThat(sla.path("ml_repo_url").asText()).isEqualTo("file:///tmp/repo");
    assertThat(sla.path("ml_model_flavor").asText()).isEqualTo("dl4j");
    assertThat(training.path("mode").asText()).isEqualTo("classic");
    assertThat(training.path("training_rounds").asInt()).isEqualTo(3);
    assertThat(training.path("min_available_clients").asInt()).isEqualTo(2);
    assertThat(training.path("min_fit_clients").asInt()).isEqualTo(2);
    assertThat(training.path("min_evaluate_clients").asInt()).isEqualTo(2);
    assertThat(training.path("data_tags").toString()).isEqualTo("[\"mnist\"]");
    assertThat(sla.path("post_training_steps").toString())
        .isEqualTo("[\"build_image_for_trained_model\",\"deploy_trained_model_image\"]");
  }

  @Test
  void hierarchicalSpreadsTheLearnersOverTheClustersAndCountsCycles() {
    ObjectNode sla = DemoSla.project(TEMPLATE, "file:///tmp/repo", 2, 3, 2, true);

    JsonNode training = sla.path("training_configuration");
    assertThat(training.path("mode").asText()).isEqualTo("hierarchical");
    assertThat(training.path("min_available_clients").asInt()).isEqualTo(1);
    assertThat(training.path("training_cycles").asInt()).isEqualTo(3);
    assertThat(training.path("training_rounds").asInt()).isEqualTo(1);
  }

  @Test
  void theMockDataGoesToEveryNodeUnderTheSlasDataTag() {
    ObjectNode sla = DemoSla.mockData(DemoSla.customerOf(TEMPLATE), 2);

    assertThat(sla.path("customerID").asText()).isEqualTo("Admin");
    assertThat(sla.path("mock_data_configuration").path("number_of_partitions").asInt())
        .isEqualTo(2);
    assertThat(sla.path("mock_data_configuration").path("data_tag").asText()).isEqualTo("mnist");
  }
}
