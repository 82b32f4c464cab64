package io.flops.manager.orchestration.simulated;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorStarted;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.events.ComponentEvent.BuilderStarted;
import io.flops.common.events.ComponentEvent.BuilderSucceeded;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.MqttEventPublisher;
import io.flops.common.image.ImageNames;
import io.flops.common.launch.AggregatorLaunch;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.image.CommitLookup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each simulated component does, as the real one would as seen from the manager: an image
 * builder looks the repository's commit up and reports the images the real builder would have
 * pushed; a classic or root aggregator reports that it started, then that it succeeded. Events
 * travel through the broker with the service's own identity and are sealed with its project's key,
 * all read from the service's launch environment. Other services (learners, cluster aggregators,
 * observers, tracking, data and inference servers) play nothing and simply run.
 */
public final class SimulatedComponents
    implements Function<ServiceSpec, List<SimulatedComponents.Step>> {

  /** The accuracy and loss a simulated training ends with. */
  static final double ACCURACY = 0.9;

  static final double LOSS = 0.25;

  private static final int CLOSING_AT_ONCE = 4;

  private static final Logger log = LoggerFactory.getLogger(SimulatedComponents.class);

  private final CommitLookup commits;
  private final AtomicLong clients = new AtomicLong();

  /**
   * Closes the components' connections a few at a time: a real component disconnects on its own
   * machine, so a thousand simulated ones closing at once must not crowd the manager's CPU.
   */
  private final ExecutorService closers =
      Executors.newFixedThreadPool(
          CLOSING_AT_ONCE,
          r -> {
            Thread thread = new Thread(r, "simulated-disconnect");
            thread.setDaemon(true);
            return thread;
          });

  public SimulatedComponents(CommitLookup commits) {
    this.commits = commits;
  }

  /** One step of a component: what it does, named for the service's log. */
  public record Step(String name, Runnable action) {
    void play() {
      action.run();
    }
  }

  @Override
  public List<Step> apply(ServiceSpec spec) {
    return switch (spec.kind()) {
      case IMAGE_BUILDER -> builder(spec.environment());
      case AGGREGATOR -> aggregator(spec.environment());
      default -> List.of();
    };
  }

  /** A builder: what it built is known (and its broker connection open) once it is deployed. */
  private List<Step> builder(Map<String, String> environment) {
    BuilderLaunch launch = BuilderLaunch.fromEnvironment(environment);
    String project = launch.service().projectId();
    BuildPlan plan = launch.plan();
    BuilderSucceeded built = built(launch);
    Reporter reporter = new Reporter(launch.service());
    return List.of(
        new Step("builder started", () -> reporter.send(new BuilderStarted(id(), project, plan))),
        new Step(
            "images pushed",
            () -> {
              try {
                reporter.send(built);
              } finally {
                reporter.close();
              }
            }));
  }

  private BuilderSucceeded built(BuilderLaunch launch) {
    String registry = launch.output().registry();
    BuilderLaunch.BuildSources sources = launch.sources();
    String project = launch.service().projectId();
    if (launch.plan() == BuildPlan.TRAINED_MODEL) {
      String run = sources.runId().isBlank() ? project : sources.runId();
      String image = ImageNames.trainedModel(registry, sources.customerId(), run);
      return new BuilderSucceeded(id(), project, launch.plan(), List.of(image), null, Map.of(), 0);
    }
    String credential = sources.repoCredential().isEmpty() ? null : sources.repoCredential();
    String commit = commits.latestCommit(sources.repoUrl(), sources.repoBranch(), credential);
    List<String> images =
        List.of(
            ImageNames.learner(registry, sources.repoUrl(), commit),
            ImageNames.aggregator(registry, sources.repoUrl(), commit));
    return new BuilderSucceeded(id(), project, launch.plan(), images, commit, Map.of(), 0);
  }

  private List<Step> aggregator(Map<String, String> environment) {
    AggregatorLaunch launch = AggregatorLaunch.fromEnvironment(environment);
    if (launch.role() == AggregatorLaunch.Role.CLUSTER) {
      return List.of();
    }
    AggregatorType type =
        launch.role() == AggregatorLaunch.Role.ROOT
            ? AggregatorType.ROOT_AGGREGATOR
            : AggregatorType.CLASSIC_AGGREGATOR;
    Reporter reporter = new Reporter(launch.service());
    String project = launch.service().projectId();
    return List.of(
        new Step(
            "aggregator started", () -> reporter.send(new AggregatorStarted(id(), project, type))),
        new Step(
            "training finished",
            () -> {
              try {
                reporter.send(
                    new AggregatorSucceeded(id(), project, type, ACCURACY, LOSS, null, null, null));
              } finally {
                reporter.close();
              }
            }));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  /**
   * A component's connection to the broker, with its service's identity and key, opened when the
   * component is deployed (as a real one connects when it starts).
   */
  private final class Reporter {
    private final EventPublisher publisher;

    Reporter(ServiceLaunch launch) {
      this.publisher =
          new MqttEventPublisher(
              MqttEventPublisher.Settings.of(
                      launch.mqttUrl(), "flops-simulated-" + clients.incrementAndGet())
                  .withCredentials(launch.mqttUsername(), launch.mqttPassword())
                  .withEventKey(launch.eventKey()));
    }

    void send(ComponentEvent event) {
      publisher.publish(event);
    }

    /** Closes in the background: closing waits for the broker, which no step should. */
    void close() {
      closers.execute(
          () -> {
            try {
              publisher.close();
            } catch (Exception e) {
              log.warn("A simulated component's broker connection did not close: {}", e.toString());
            }
          });
    }
  }
}
