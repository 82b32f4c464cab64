package io.flops.cli.demo;

import io.flops.cli.progress.ProgressView;
import io.flops.cli.progress.Terminal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flops demo}: the MNIST project end to end on the embedded defaults (docs/cli.md). */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the MNIST example end to end on this machine: starts the manager (embedded broker and"
          + " store, local orchestrator, MLflow file store) with two simulated learner nodes,"
          + " pushes MNIST partitions to them, trains examples/mnist-dl4j with federated learning,"
          + " builds and deploys the inference server, and asks it for one prediction.",
      "Ctrl-C cancels the project and stops everything the demo started."
    })
public final class DemoCommand implements Callable<Integer> {

  /** Exit code after Ctrl-C. */
  static final int INTERRUPTED = 130;

  @Option(
      names = "--home",
      description = "The FLOps installation (default: $FLOPS_HOME, else the current directory).")
  Path home;

  @Option(
      names = "--data-dir",
      description =
          "The demo manager's data directory, emptied at each run (default: <home>/.flops-demo).")
  Path dataDir;

  @Option(
      names = "--manager-url",
      description = "Use the manager running at this URL instead of starting one.")
  URI managerUrl;

  @Option(
      names = "--port",
      defaultValue = "5072",
      description =
          "Port of the manager the demo starts; a free one when it is taken (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--hierarchical",
      description =
          "Hierarchical FL: a root aggregator over 2 simulated clusters, each with its own aggregator and learner.")
  boolean hierarchical;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Training rounds (hierarchical: root cycles) (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--keep-running",
      description =
          "Leave the manager and the inference server running after the summary, until Ctrl-C.")
  boolean keepRunning;

  @Option(
      names = "--timeout",
      defaultValue = "15",
      description =
          "Minutes the project may take before the demo gives up (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(
      names = "--repository",
      description = "The ML repository directory to train (default: <home>/examples/mnist-dl4j).")
  Path repository;

  @Option(
      names = "--image-index",
      description = "The MNIST test digit (0-9999) to predict (default: a random one).")
  Integer imageIndex;

  @Option(
      names = "--manager-arg",
      description =
          "An extra --property=value argument for the manager the demo starts (repeatable).")
  List<String> managerArgs = new ArrayList<>();

  @Override
  public Integer call() {
    DemoOptions options = options();
    ProgressView view = new ProgressView(Terminal.system());
    DemoRun demo = new DemoRun(options, view);
    Thread main = Thread.currentThread();
    Thread hook =
        new Thread(
            () -> {
              if (!demo.closing()) {
                view.finish();
                view.line("Interrupted: stopping everything the demo started ...");
                main.interrupt();
                demo.close();
              }
            },
            "flops-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      DemoResult result = demo.run();
      DemoSummary.print(result, view.terminal());
      if (keepRunning && options.startsManager() && result.completed()) {
        view.line("");
        view.line("The manager and the inference server keep running; Ctrl-C stops them.");
        awaitInterrupt();
        return INTERRUPTED;
      }
      boolean predicted = result.prediction() != null && result.prediction().correct();
      return result.completed() && predicted ? 0 : 1;
    } catch (RuntimeException e) {
      if (demo.closing()) {
        return INTERRUPTED;
      }
      view.finish();
      view.line("flops demo failed: " + e.getMessage());
      return 1;
    } finally {
      demo.close();
      removeHook(hook);
    }
  }

  /** The options these arguments give. */
  DemoOptions options() {
    Path installation = home != null ? home : defaultHome();
    DemoOptions defaults = DemoOptions.defaults(installation);
    Path repo = repository != null ? repository : defaults.repository();
    return new DemoOptions(
        installation,
        dataDir != null ? dataDir : defaults.dataDir(),
        managerUrl,
        port,
        hierarchical,
        defaults.clusters(),
        defaults.learners(),
        rounds,
        defaults.nodes(),
        repo,
        defaults.slaTemplate(),
        Duration.ofMinutes(timeoutMinutes),
        managerArgs,
        imageIndex);
  }

  private static Path defaultHome() {
    String env = System.getenv("FLOPS_HOME");
    return Path.of(env == null || env.isBlank() ? "." : env);
  }

  private static void awaitInterrupt() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs (or ran) and found the demo closed
    }
  }
}
