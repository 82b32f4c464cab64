package io.flops.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.demo.DemoSla;
import io.flops.cli.demo.ExampleRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project SLA every run of an evaluation submits. With a local ML repository directory (given,
 * or the SLA file's own directory when it holds a {@code pom.xml}, as the examples do) the
 * directory is committed into a Git repository and the SLA gets its URL, the learner count, the
 * rounds, the mode and both post-training steps, as in {@code flops demo}; otherwise the SLA is
 * sent as it is.
 *
 * @param sla what to submit
 * @param customerId its customer
 * @param dataTag its first data tag, which names the mock data set to push
 * @param description one line about it
 */
public record EvaluationSla(ObjectNode sla, String customerId, String dataTag, String description) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The shape of the projects: counts and mode (used with a local repository only). */
  public record Shape(int learners, int rounds, int clusters, boolean hierarchical) {}

  /**
   * Prepares the SLA of {@code file}.
   *
   * @param repository the ML repository directory, or null for the SLA's own directory if it holds
   *     one
   * @param repos where the local Git repository goes
   */
  public static EvaluationSla prepare(Path file, Path repository, Shape shape, Path repos) {
    Path local = repository != null ? repository : ownRepository(file);
    ObjectNode sla;
    String description;
    if (local == null) {
      sla = read(file);
      description = file + " as it is (repository " + sla.path("ml_repo_url").asText() + ")";
    } else {
      String url = ExampleRepository.commit(local, repos.resolve(local.getFileName().toString()));
      sla =
          DemoSla.project(
              file, url, shape.learners(), shape.rounds(), shape.clusters(), shape.hierarchical());
      description =
          String.format(
              "%s with %s (%s FL, %d learners, %d %s, inference server)",
              file,
              local,
              shape.hierarchical() ? "hierarchical" : "classic",
              shape.learners(),
              shape.rounds(),
              shape.hierarchical() ? "cycles" : "rounds");
    }
    String customer = sla.path("customerID").asText("Admin");
    String tag = sla.path("training_configuration").path("data_tags").path(0).asText("");
    return new EvaluationSla(sla, customer, tag, description);
  }

  private static Path ownRepository(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return dir != null && Files.exists(dir.resolve("pom.xml")) ? dir : null;
  }

  private static ObjectNode read(Path file) {
    try {
      return (ObjectNode) JSON.readTree(file.toFile());
    } catch (IOException | ClassCastException e) {
      throw new UncheckedIOException(
          "Could not read the project SLA " + file, new IOException(e.getMessage(), e));
    }
  }
}
