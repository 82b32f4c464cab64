package io.flops.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The SLAs the demo sends (docs/sla.md): the example's project SLA with the local repository, the
 * learner count, the rounds and both post-training steps; and the mock-data SLA that pushes one
 * MNIST partition to each simulated node.
 */
public final class DemoSla {

  /** The data set and its tag. */
  public static final String DATA_TAG = "mnist";

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoSla() {}

  /**
   * The project SLA: {@code template} (e.g. {@code examples/mnist-dl4j/sla.json}) with these
   * settings. Classic: {@code learners} learners train {@code rounds} rounds. Hierarchical: the
   * learners are spread over {@code clusters} clusters, and the root runs {@code rounds} cycles of
   * one round in each cluster.
   */
  public static ObjectNode project(
      Path template, String repoUrl, int learners, int rounds, int clusters, boolean hierarchical) {
    ObjectNode sla = withRepository(read(template), repoUrl);
    ObjectNode training = sla.withObject("/training_configuration");
    int perCluster = hierarchical ? Math.max(1, learners / clusters) : learners;
    training.put("mode", hierarchical ? "hierarchical" : "classic");
    training.put("min_available_clients", perCluster);
    training.put("min_fit_clients", perCluster);
    training.put("min_evaluate_clients", perCluster);
    training.put("training_rounds", hierarchical ? 1 : rounds);
    if (hierarchical) {
      training.put("training_cycles", rounds);
    } else {
      training.remove("training_cycles");
    }
    ArrayNode steps = sla.putArray("post_training_steps");
    steps.add("build_image_for_trained_model").add("deploy_trained_model_image");
    return sla;
  }

  /**
   * {@code sla} naming the Git repository {@code repoUrl} on its default branch (a snapshot's
   * {@code main}); returns {@code sla}.
   */
  public static ObjectNode withRepository(ObjectNode sla, String repoUrl) {
    sla.put("ml_repo_url", repoUrl);
    sla.remove("ml_repo_branch");
    return sla;
  }

  /** The {@code customerID} of the SLA {@code template} ({@code Admin} when it names none). */
  public static String customerOf(Path template) {
    return read(template).path("customerID").asText("Admin");
  }

  /** The mock-data SLA: MNIST, one IID partition per node, under {@link #DATA_TAG}. */
  public static ObjectNode mockData(String customerId, int nodes) {
    ObjectNode sla = JSON.createObjectNode();
    sla.put("customerID", customerId);
    sla.putObject("mock_data_configuration")
        .put("dataset_name", "mnist")
        .put("data_tag", DATA_TAG)
        .put("number_of_partitions", nodes)
        .put("partitioner", "iid");
    return sla;
  }

  private static ObjectNode read(Path template) {
    try {
      return (ObjectNode) JSON.readTree(template.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the SLA " + template, e);
    }
  }
}
