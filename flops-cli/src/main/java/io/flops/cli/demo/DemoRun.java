package io.flops.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.InferenceClient;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.data.MockDataPush;
import io.flops.cli.progress.ProgressView;
import io.flops.cli.progress.ProjectFollower;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TrackingView;
import io.flops.common.tls.CaTrust;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * One run of the demo: starts the manager (unless one is given), pushes MNIST partitions to the
 * simulated nodes, commits the ML repository into a Git repository, submits the project, shows its
 * progress, and asks the inference server for one prediction. {@link #close()} cancels the project
 * if it still runs and stops everything the run started; it may be called from a shutdown hook.
 */
public final class DemoRun implements AutoCloseable {

  private static final Duration MANAGER_START = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final DemoOptions options;
  private final ProgressView view;
  private final Instant started = Instant.now();
  private volatile ManagerProcess managerProcess;
  private volatile ManagerClient manager;
  private volatile String projectId;
  private volatile boolean closed;
  private List<String> forced = List.of();

  public DemoRun(DemoOptions options, ProgressView view) {
    this.options = options;
    this.view = view;
  }

  /** Runs the demo up to the end of the project and the prediction; everything keeps running. */
  public DemoResult run() {
    Thread ticker = new Thread(this::tick, "flops-demo-ticker");
    ticker.setDaemon(true);
    ticker.start();
    try {
      return steps();
    } finally {
      ticker.interrupt();
    }
  }

  private DemoResult steps() {
    manager = options.startsManager() ? startManager() : useManager(options.managerUrl());
    if (options.nodes() > 0) {
      new MockDataPush(manager, view).push(DemoSla.mockData(customer(), options.nodes()));
    }
    String repoUrl =
        ExampleRepository.commit(
            options.repository(),
            options.dataDir().resolve("repos").resolve(options.repository().getFileName()));
    view.done("Committed " + options.repository() + " as Git repository " + repoUrl);
    ObjectNode sla =
        DemoSla.project(
            options.slaTemplate(),
            repoUrl,
            options.learners(),
            options.rounds(),
            options.clusters(),
            options.hierarchical());
    projectId = manager.createProject(sla);
    view.done(
        "Submitted project "
            + projectId
            + ": "
            + sla.path("training_configuration").path("mode").asText()
            + " FL, "
            + options.learners()
            + " learners, "
            + options.rounds()
            + (options.hierarchical() ? " cycles" : " rounds")
            + ", then the inference image and server");
    ProjectView ended =
        new ProjectFollower(manager, view, Duration.ofSeconds(1))
            .follow(projectId, options.timeout());
    Duration elapsed = Duration.between(started, Instant.now());
    if (ended == null || !ended.state().isTerminal()) {
      throw new IllegalStateException(
          "The demo was stopped before project " + projectId + " ended");
    }
    TrackingView tracking = manager.tracking(ended.customerId());
    DemoResult.Prediction prediction =
        ended.inferenceUrl() == null
            ? null
            : predictOne(URI.create(ended.inferenceUrl()), ended.inferenceToken());
    view.finish();
    return new DemoResult(manager.baseUrl(), ended, tracking, prediction, elapsed);
  }

  /** The manager's API once it runs, else null. */
  public ManagerClient manager() {
    return manager;
  }

  /** The manager process the demo started, or null (none started yet, or {@code --manager-url}). */
  public ManagerProcess managerProcess() {
    return managerProcess;
  }

  /** The submitted project's id, or null. */
  public String projectId() {
    return projectId;
  }

  /** True once {@link #close()} began. */
  public boolean closing() {
    return closed;
  }

  /**
   * The processes that had to be killed because they outlived the manager's stop (normally none).
   */
  public synchronized List<String> forced() {
    return forced;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    cancelIfRunning();
    if (managerProcess != null) {
      view.activity("Stopping the manager and everything it started ...");
      int processes = managerProcess.children().size();
      forced = managerProcess.stop(STOP_GRACE);
      view.finish();
      view.line(
          forced.isEmpty()
              ? "Stopped the manager and its " + processes + " processes; none is left."
              : "Stopped the manager; these processes outlived it and were killed: " + forced);
    }
  }

  /** Keeps the status line moving while the demo waits. */
  private void tick() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
      view.tick();
    }
  }

  private ManagerClient startManager() {
    Installation.requireBuilt(options.home());
    DemoDataDir.prepare(options.dataDir());
    int port = FreePorts.preferring(options.port());
    view.activity("Starting the manager on port " + port + " ...");
    managerProcess =
        ManagerProcess.start(options.home(), options.dataDir(), port, options.managerArgs());
    managerProcess.awaitReady(MANAGER_START);
    view.done(
        "Manager ready at http://127.0.0.1:"
            + port
            + " (data "
            + options.dataDir()
            + ", log "
            + managerProcess.log()
            + ")");
    if (options.nodes() > 0) {
      view.activity("Waiting for the data servers of " + options.nodes() + " simulated nodes ...");
      Map<String, String> nodes =
          SimulatedNodes.await(managerProcess.client(), options.nodes(), MANAGER_START);
      view.done("Data servers of the simulated nodes listen on " + nodes.values());
    }
    return managerProcess.client();
  }

  private ManagerClient useManager(URI url) {
    ManagerClient client = ManagerClient.withEnvironmentToken(url, Duration.ofSeconds(30));
    if (!client.alive()) {
      throw new IllegalStateException("No FLOps manager answers at " + url);
    }
    view.done("Using the manager at " + url);
    return client;
  }

  private String customer() {
    return DemoSla.customerOf(options.slaTemplate());
  }

  private DemoResult.Prediction predictOne(URI url, String token) {
    MnistTestImages digits = MnistTestImages.read(MnistTestImages.defaultDirectory());
    int index =
        options.imageIndex() != null
            ? options.imageIndex()
            : ThreadLocalRandom.current().nextInt(digits.size());
    InferenceClient inference = new InferenceClient(url, Duration.ofSeconds(30), token, trust(url));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (!inference.ready() && Instant.now().isBefore(deadline)) {
      Sleep.millis(500);
    }
    float[] pixels = digits.image(index);
    String predicted = inference.predict(List.of(pixels)).get(0);
    return new DemoResult.Prediction(index, digits.label(index), predicted, pixels);
  }

  /** Over HTTPS, the manager's authority (the inference server's certificate is of it). */
  private SSLContext trust(URI url) {
    return "https".equals(url.getScheme())
        ? CaTrust.sslContext(manager.authorityCertificate())
        : null;
  }

  private void cancelIfRunning() {
    if (projectId == null || manager == null) {
      return;
    }
    try {
      if (!manager.project(projectId).state().isTerminal()) {
        view.activity("Cancelling project " + projectId + " ...");
        manager.cancel(projectId);
        view.done("Cancelled project " + projectId + "; the manager undeployed its services");
      }
    } catch (RuntimeException e) {
      view.line("Could not cancel project " + projectId + ": " + e.getMessage());
    }
  }
}
