package io.flops.cli.evaluate;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flops evaluate}: N projects in a row, their stage timings and resource usage
 * (docs/evaluation.md).
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs N projects of one SLA one after another against FLOps (a manager it starts on the"
          + " embedded defaults, or a running one) and records per run the stage timings, the"
          + " accuracy per round and the CPU, memory and network of the FLOps processes per stage.",
      "Writes runs.csv, resources.csv and rounds.csv and renders PNG charts into --out."
    })
public final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      description = "The FLOps installation (default: $FLOPS_HOME, else the current directory).")
  Path home;

  @Option(
      names = "--manager-url",
      description = "Evaluate the manager running at this URL instead of starting one.")
  URI managerUrl;

  @Option(
      names = "--manager-pid",
      description =
          "With --manager-url: measure this process on this host and its descendants (e.g. the"
              + " manager's java, or a container's main process: docker inspect -f '{{.State.Pid}}')."
              + " Without it a running manager's resources are not sampled.")
  Long managerPid;

  @Option(
      names = "--containers",
      description =
          "Measure containers through this Docker Engine API instead of processes, e.g."
              + " unix:///var/run/docker.sock (compose, or the Docker orchestrator).")
  URI containers;

  @Option(
      names = "--container-label",
      description =
          "With --containers: measure the running containers with this label (key or key=value;"
              + " repeatable; default: io.flops.deployment and com.docker.compose.project=deploy).")
  List<String> containerLabels =
      new ArrayList<>(List.of("io.flops.deployment", "com.docker.compose.project=deploy"));

  @Option(
      names = "--sla",
      description = "The project SLA (default: <home>/examples/mnist-dl4j/sla.json).")
  Path sla;

  @Option(
      names = "--repository",
      description =
          "The ML repository directory to commit and train (default: the SLA's directory when it"
              + " holds a pom.xml; else the SLA's ml_repo_url is used as it is).")
  Path repository;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Projects to run, one after another (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--learners",
      defaultValue = "2",
      description = "Learners per project, with a local repository (default: ${DEFAULT-VALUE}).")
  int learners;

  @Option(
      names = "--rounds",
      defaultValue = "2",
      description =
          "Training rounds (hierarchical: root cycles), with a local repository (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--hierarchical",
      description = "Hierarchical FL over 2 clusters, with a local repository.")
  boolean hierarchical;

  @Option(
      names = "--out",
      defaultValue = "flops-evaluation",
      description = "Where the CSV files and charts go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--data-dir",
      description =
          "The data directory of the manager it starts; must be empty (default: <out>/manager).")
  Path dataDir;

  @Option(
      names = "--sample-interval",
      defaultValue = "1s",
      converter = DurationConverter.class,
      description =
          "Time between two resource samples, e.g. 500ms or 2s (default: ${DEFAULT-VALUE}).")
  Duration sampleInterval;

  @Option(
      names = "--mock-partitions",
      description =
          "Partitions of the SLA's data set (mnist or iris) to push to the nodes before the first"
              + " run (default: 2 when it starts the manager, 0 otherwise).")
  Integer mockPartitions;

  @Option(
      names = "--timeout",
      defaultValue = "15",
      description = "Minutes one project may take (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(
      names = "--manager-arg",
      description = "An extra --property=value argument for the manager it starts (repeatable).")
  List<String> managerArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    try {
      Evaluation evaluation =
          new Evaluation(
              settings(),
              line -> {
                console.println(line);
                console.flush();
              });
      boolean completed = evaluation.run(console);
      console.flush();
      return completed ? 0 : 1;
    } catch (RuntimeException e) {
      console.println("flops evaluate failed: " + e.getMessage());
      console.flush();
      return 1;
    }
  }

  /** What these options ask for. */
  Evaluation.Settings settings() {
    Path installation = (home != null ? home : defaultHome()).toAbsolutePath().normalize();
    Path output = out.toAbsolutePath().normalize();
    return new Evaluation.Settings(
        installation,
        managerUrl,
        managerPid,
        containers,
        containerLabels,
        sla != null ? sla : installation.resolve("examples/mnist-dl4j/sla.json"),
        repository,
        new EvaluationSla.Shape(learners, rounds, 2, hierarchical),
        runs,
        output,
        dataDir != null ? dataDir.toAbsolutePath() : output.resolve("manager"),
        sampleInterval,
        mockPartitions != null ? mockPartitions : (managerUrl == null ? 2 : 0),
        Duration.ofMinutes(timeoutMinutes),
        managerArgs);
  }

  private static Path defaultHome() {
    String env = System.getenv("FLOPS_HOME");
    return Path.of(env == null || env.isBlank() ? "." : env);
  }
}
