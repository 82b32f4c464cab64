package io.flops.cli.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one demo run does.
 *
 * @param home the FLOps installation (reactor root with the apps' exec jars and {@code examples/})
 * @param dataDir the data directory of the manager the demo starts (emptied at the start)
 * @param managerUrl a running manager to use instead of starting one, or null
 * @param port the port of the manager the demo starts (a free one when it is taken)
 * @param hierarchical hierarchical FL over {@code clusters} clusters instead of classic FL
 * @param clusters the simulated clusters (hierarchical FL)
 * @param learners the learners in all (one per simulated node)
 * @param rounds classic: training rounds; hierarchical: root cycles of one round per cluster
 * @param nodes the simulated learner nodes to push MNIST partitions to (0: push nothing)
 * @param repository the ML repository directory to commit and train
 * @param slaTemplate the project SLA whose repository, counts and steps the demo sets
 * @param timeout how long the project may take from submission to its end
 * @param managerArgs more {@code --property=value} arguments for the manager the demo starts
 * @param imageIndex the MNIST test digit to predict, or null for a random one
 */
public record DemoOptions(
    Path home,
    Path dataDir,
    URI managerUrl,
    int port,
    boolean hierarchical,
    int clusters,
    int learners,
    int rounds,
    int nodes,
    Path repository,
    Path slaTemplate,
    Duration timeout,
    List<String> managerArgs,
    Integer imageIndex) {

  public DemoOptions {
    home = home.toAbsolutePath().normalize();
    dataDir = dataDir.toAbsolutePath().normalize();
    managerArgs = List.copyOf(managerArgs);
  }

  /** The defaults of {@code flops demo} for installation {@code home}. */
  public static DemoOptions defaults(Path home) {
    Path example = home.resolve("examples").resolve("mnist-dl4j");
    return new DemoOptions(
        home,
        home.resolve(".flops-demo"),
        null,
        5072,
        false,
        2,
        2,
        3,
        2,
        example,
        example.resolve("sla.json"),
        Duration.ofMinutes(15),
        List.of(),
        null);
  }

  /** True when the demo starts its own manager. */
  public boolean startsManager() {
    return managerUrl == null;
  }

  /** These options with {@code args} added to the manager's arguments. */
  public DemoOptions withManagerArgs(List<String> args) {
    List<String> all = new ArrayList<>(managerArgs);
    all.addAll(args);
    return new DemoOptions(
        home,
        dataDir,
        managerUrl,
        port,
        hierarchical,
        clusters,
        learners,
        rounds,
        nodes,
        repository,
        slaTemplate,
        timeout,
        all,
        imageIndex);
  }
}
