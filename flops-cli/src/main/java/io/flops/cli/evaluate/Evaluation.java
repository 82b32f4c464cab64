package io.flops.cli.evaluate;

import io.flops.cli.client.ManagerClient;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One {@code flops evaluate}: gets a manager (starts one, or uses a running one), pushes the mock
 * data, runs the projects while a {@link ResourceSampler} measures, writes the CSV files and
 * charts, and prints the summary.
 */
public final class Evaluation {

  /**
   * What an evaluation does.
   *
   * @param home the FLOps installation (for a manager it starts)
   * @param managerUrl a running manager, or null to start one on the embedded defaults
   * @param managerPid with a running manager: the process on this host to measure, or null
   * @param containerEngine a Docker Engine API whose containers to measure instead of processes, or
   *     null
   * @param containerLabels with {@code containerEngine}: the labels that select the containers
   * @param slaFile the project SLA
   * @param repository the ML repository directory, or null (see {@link EvaluationSla})
   * @param shape learners, rounds and mode, with a local repository
   * @param runs the projects to run
   * @param out where the CSV files and charts go
   * @param dataDir the data directory of a manager it starts
   * @param sampleInterval the time between two resource samples
   * @param mockPartitions the partitions of the SLA's data set to push first (0: none)
   * @param timeout how long one project may take
   * @param managerArgs more arguments for a manager it starts
   */
  public record Settings(
      Path home,
      URI managerUrl,
      Long managerPid,
      URI containerEngine,
      List<String> containerLabels,
      Path slaFile,
      Path repository,
      EvaluationSla.Shape shape,
      int runs,
      Path out,
      Path dataDir,
      Duration sampleInterval,
      int mockPartitions,
      Duration timeout,
      List<String> managerArgs) {

    public Settings {
      managerArgs = List.copyOf(managerArgs);
      containerLabels = List.copyOf(containerLabels);
      if (runs < 1) {
        throw new IllegalArgumentException("--runs must be at least 1, not " + runs);
      }
      if (sampleInterval.toMillis() < 100) {
        throw new IllegalArgumentException("--sample-interval must be at least 100ms");
      }
    }
  }

  private final Settings settings;
  private final Consumer<String> progress;

  public Evaluation(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * Runs the evaluation and prints its summary to {@code out}.
   *
   * @return true when every project completed
   */
  public boolean run(PrintWriter out) {
    LocalManager local = null;
    Thread hook = null;
    try {
      if (settings.managerUrl() == null) {
        local =
            LocalManager.start(
                settings.home(), settings.dataDir(), settings.managerArgs(), 2, progress);
        hook = new Thread(local::close, "flops-evaluate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
      }
      ManagerClient manager = local != null ? local.client() : running(settings.managerUrl());
      progress.accept("Manager: " + manager.baseUrl());
      try (ResourceSampler sampler = sampler(local != null)) {
        List<RunRecord> records = runProjects(manager, sampler);
        report(records, out);
        return records.stream().allMatch(RunRecord::completed);
      }
    } finally {
      if (local != null) {
        progress.accept("Stopping the manager and everything it started ...");
        local.close();
        removeHook(hook);
      }
    }
  }

  private List<RunRecord> runProjects(ManagerClient manager, ResourceSampler sampler) {
    progress.accept(
        sampler == null
            ? "Resources: not sampled (give --manager-pid or --containers)"
            : "Resources: "
                + sampler.target()
                + ", every "
                + settings.sampleInterval().toMillis()
                + " ms");
    EvaluationSla sla =
        EvaluationSla.prepare(
            settings.slaFile(),
            settings.repository(),
            settings.shape(),
            // a manager started here clones only from its own <data-dir>/repos (and allowed roots)
            settings.managerUrl() == null
                ? settings.dataDir().resolve("repos")
                : settings.out().resolve("repos"));
    progress.accept("Project: " + sla.description());
    if (settings.mockPartitions() > 0) {
      long rows =
          MockData.push(manager, sla.customerId(), sla.dataTag(), settings.mockPartitions());
      progress.accept(
          "Pushed "
              + settings.mockPartitions()
              + " partitions of "
              + sla.dataTag()
              + " ("
              + rows
              + " rows)");
    }
    return new EvaluationRunner(
            manager, sampler, settings.sampleInterval(), settings.timeout(), progress)
        .run(sla.sla(), settings.runs());
  }

  private void report(List<RunRecord> records, PrintWriter out) {
    CsvReports.write(records, settings.out());
    List<Path> charts = Charts.render(records, settings.out());
    progress.accept(
        "Wrote "
            + String.join(", ", CsvReports.RUNS, CsvReports.RESOURCES, CsvReports.ROUNDS)
            + " and "
            + charts.size()
            + " charts to "
            + settings.out());
    Summary.print(records, out);
  }

  /** The sampler the settings ask for, or null when nothing can be measured. */
  private ResourceSampler sampler(boolean startedManager) {
    if (settings.containerEngine() != null) {
      return new ContainerSampler(
          DockerEngine.client(settings.containerEngine()), settings.containerLabels());
    }
    if (startedManager) {
      return HostProcessSampler.descendantsOfThisCommand();
    }
    if (settings.managerPid() != null) {
      return HostProcessSampler.treeOf(
          ProcessHandle.of(settings.managerPid())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "There is no process " + settings.managerPid() + " on this host")));
    }
    return null;
  }

  private static ManagerClient running(URI url) {
    ManagerClient manager = ManagerClient.withEnvironmentToken(url, Duration.ofSeconds(30));
    if (!manager.alive()) {
      throw new IllegalStateException("No FLOps manager answers at " + url);
    }
    return manager;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down and the hook runs
    }
  }
}
