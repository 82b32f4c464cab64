package io.flops.manager.deploy;

import io.flops.common.error.FlopsException;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Cluster;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.Mode;
import io.flops.manager.project.DeployedService;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.ServiceRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys and undeploys a project's services through the {@link Orchestrator} port and records each
 * outcome in the {@link ProjectStore} right after the platform answered (never inside a retried
 * save). Every {@code ensure...} method is idempotent: it deploys only what the stored project does
 * not have yet, so a restarted manager can call it again; none deploys for a project that has
 * ended.
 */
public class ProjectDeployer {

  private static final Logger log = LoggerFactory.getLogger(ProjectDeployer.class);

  private final Orchestrator orchestrator;
  private final ProjectStore store;
  private final ServiceSpecs specs;
  private final Observatories observatories;
  private final TrainingCheckpoints checkpoints;
  private final Duration observerGrace;
  private final Clock clock;

  public ProjectDeployer(
      Orchestrator orchestrator,
      ProjectStore store,
      ServiceSpecs specs,
      Observatories observatories,
      TrainingCheckpoints checkpoints,
      Duration observerGrace,
      Clock clock) {
    this.orchestrator = orchestrator;
    this.store = store;
    this.specs = specs;
    this.observatories = observatories;
    this.checkpoints = checkpoints;
    this.observerGrace = observerGrace;
    this.clock = clock;
  }

  /**
   * True for an ended project with services to undeploy now (its observer after a grace period).
   */
  public boolean needsCleanUp(Project project) {
    return project.needsCleanUp(clock.instant(), observerGrace);
  }

  /**
   * The customer's observatory and the project's own application.
   *
   * @return the project as stored with both application ids
   */
  public Project ensureApplications(Project project) {
    Project current = project;
    if (current.getObservatoryApplicationId() == null) {
      String observatory = observatories.ensure(current.getCustomerId()).applicationId();
      current = record(current, p -> p.setObservatoryApplicationId(observatory));
    }
    if (current.getProjectApplicationId() == null) {
      log.info("Create new FLOpsProject application for project {}", current.getId());
      String application =
          orchestrator.ensureApplication(
              new ApplicationSpec(
                  "proj" + current.getId(),
                  "proj",
                  current.getCustomerId(),
                  "Internal application for managing FLOps services"));
      current = record(current, p -> p.setProjectApplicationId(application));
    }
    return current;
  }

  /** Applies {@code change} to the stored project and returns the saved project. */
  public Project record(Project project, Consumer<Project> change) {
    return store
        .change(project.getId(), change)
        .orElseThrow(() -> new IllegalStateException("Project " + project.getId() + " is gone."));
  }

  /** The project's observer. */
  public void ensureObserver(Project project) {
    if (project.liveOne(ServiceRole.OBSERVER).isEmpty()) {
      deploy(
          project,
          ServiceRole.OBSERVER,
          specs.observer(project, project.getObservatoryApplicationId()),
          null);
    }
  }

  /** The builder of the learner and aggregator images. */
  public void ensureFlActorsBuilder(Project project, String credential) {
    if (project.liveOne(ServiceRole.FL_ACTORS_BUILDER).isEmpty()) {
      log.info("Deploy FLActorsImageBuilder service for project {}", project.getId());
      deploy(
          project,
          ServiceRole.FL_ACTORS_BUILDER,
          specs.flActorsBuilder(
              project, project.getProjectApplicationId(), project.getImages().commit(), credential),
          null);
    }
  }

  /** Aggregator(s) and learners: classic, or a root plus one aggregator per active cluster. */
  public void ensureTraining(Project project) {
    if (project.liveServices().stream().anyMatch(s -> s.role().isTraining())) {
      return;
    }
    String app = project.getProjectApplicationId();
    if (project.getSla().trainingConfiguration().mode() == Mode.CLASSIC) {
      String aggregator =
          deploy(project, ServiceRole.AGGREGATOR, specs.aggregator(project, app, false, 1), null);
      deployLearners(project, aggregatorAddress(aggregator), null);
      return;
    }
    List<Cluster> clusters = orchestrator.activeClusters();
    if (clusters.isEmpty()) {
      throw FlopsException.outsideFailure(
          "Hierarchical project " + project.getId() + " cannot start: no active clusters.", null);
    }
    String root =
        deploy(
            project,
            ServiceRole.ROOT_AGGREGATOR,
            specs.aggregator(project, app, true, clusters.size()),
            null);
    String rootAddress = aggregatorAddress(root);
    for (int i = 0; i < clusters.size(); i++) {
      String name = clusters.get(i).name();
      String clusterAggregator =
          deploy(
              project,
              ServiceRole.CLUSTER_AGGREGATOR,
              specs.clusterAggregator(project, app, name, i + 1, rootAddress),
              name);
      deployLearners(project, aggregatorAddress(clusterAggregator), new ClusterSlot(name, i + 1));
    }
  }

  /**
   * Replaces what is left of the training after its aggregator was lost: undeploys the remaining
   * aggregators and learners (or forgets those the platform no longer knows), then deploys all of
   * them again; the new aggregator resumes from the project's checkpoint, and the new learners
   * connect to its new address.
   */
  public void restartTraining(Project project) {
    Project current = project;
    for (DeployedService service : project.liveServices()) {
      if (!service.role().isTraining()) {
        continue;
      }
      try {
        orchestrator.undeploy(service.deploymentId());
      } catch (RuntimeException e) {
        log.info(
            "Training service {} of project {} is already gone: {}",
            service.name(),
            project.getId(),
            e.getMessage());
      }
      current = forget(current, service);
    }
    ensureTraining(current);
  }

  /** Whether a lost aggregator of {@code project} can resume from a checkpoint. */
  public boolean canResumeTraining(Project project) {
    return checkpoints != null && checkpoints.resumable(project);
  }

  private void deployLearners(Project project, String aggregatorAddress, ClusterSlot cluster) {
    int learners = project.getSla().trainingConfiguration().minAvailableClients();
    deploy(
        project,
        ServiceRole.LEARNER,
        specs.learners(
            project, project.getProjectApplicationId(), aggregatorAddress, cluster, learners),
        cluster == null ? null : cluster.name());
  }

  private String aggregatorAddress(String deploymentId) {
    return orchestrator.address(deploymentId, 0).hostPort(ServiceSpecs.AGGREGATOR_PORT);
  }

  /** The builder of the trained model's inference image. */
  public void ensureTrainedModelBuilder(Project project) {
    if (project.liveOne(ServiceRole.TRAINED_MODEL_BUILDER).isEmpty()) {
      log.info("Deploy TrainedModelImageBuilder for project {}", project.getId());
      String runId = project.getResults() == null ? null : project.getResults().runId();
      String modelUri = project.getResults() == null ? null : project.getResults().modelUri();
      deploy(
          project,
          ServiceRole.TRAINED_MODEL_BUILDER,
          specs.trainedModelBuilder(
              project,
              project.getProjectApplicationId(),
              runId == null ? project.getId() : runId,
              modelUri),
          null);
    }
  }

  /** The inference server, in the customer's helper application. */
  public void ensureInferenceServer(Project project) {
    if (project.liveOne(ServiceRole.INFERENCE_SERVER).isEmpty()) {
      log.info("Deploy TrainedModel for project {}", project.getId());
      deploy(project, ServiceRole.INFERENCE_SERVER, inferenceSpec(project), null);
    }
  }

  /**
   * Deploys the inference server of a completed project again (it was lost, e.g. with a restarted
   * manager's child processes) and records its new URL.
   *
   * @return the URL users reach it at, once the platform reports it
   */
  public Optional<String> redeployInferenceServer(Project completed) {
    ServiceSpec spec = inferenceSpec(completed);
    String id = orchestrator.deploy(spec);
    DeployedService server =
        new DeployedService(
            ServiceRole.INFERENCE_SERVER, id, spec.name(), spec.image(), null, false);
    Optional<String> url = inferenceUrl(server);
    record(
        completed,
        p -> {
          p.addService(server);
          p.setInferenceUrl(url.orElse(null));
        });
    return url;
  }

  private ServiceSpec inferenceSpec(Project project) {
    String helper =
        orchestrator.ensureApplication(
            new ApplicationSpec("helper", "helper", project.getCustomerId(), "FLOps helper"));
    return specs.inferenceServer(project, helper);
  }

  /** Records that the platform lost {@code service} (it no longer knows its id). */
  public Project forget(Project project, DeployedService service) {
    return record(project, p -> p.markUndeployed(service.deploymentId()));
  }

  /** The observer's URL as users reach it, once the platform reported it. */
  public Optional<String> observerUrl(DeployedService observer) {
    return orchestrator
        .publicAddress(observer.deploymentId(), 0)
        .map(address -> web().url(address, ServiceSpecs.OBSERVER_PORT));
  }

  /** The inference server's URL as users reach it, once the platform reported it. */
  public Optional<String> inferenceUrl(DeployedService server) {
    return orchestrator
        .publicAddress(server.deploymentId(), 0)
        .map(address -> web().url(address, ServiceSpecs.INFERENCE_PORT));
  }

  private WebServers web() {
    return specs == null ? WebServers.plain(null) : specs.webServers();
  }

  /** Undeploys the live services with {@code role}. */
  public void undeploy(Project project, ServiceRole role) {
    project.live(role).forEach(service -> undeploy(project, service));
  }

  /** Undeploys aggregators and learners once training is over, and deletes its checkpoints. */
  public void undeployTraining(Project project) {
    project.liveServices().stream()
        .filter(s -> s.role().isTraining())
        .forEach(service -> undeploy(project, service));
    if (checkpoints != null) {
      checkpoints.delete(project);
    }
  }

  /**
   * Undeploys everything the project started (a completed project keeps its inference server; the
   * observer stays for the grace period and goes on a later call) and deletes its application.
   * Failures are logged and retried on the next call.
   */
  public void cleanUp(Project project) {
    Instant now = clock.instant();
    boolean hadLive = !project.liveServices().isEmpty();
    project.liveServices().stream()
        .filter(s -> !project.keepsAfterEnd(s, now, observerGrace))
        .forEach(service -> undeploy(project, service));
    if (hadLive && specs != null) {
      store
          .find(project.getId())
          .filter(p -> p.getState().isTerminal() && p.liveServices().isEmpty())
          .ifPresent(this::revokeServiceCredentials);
    }
    if (checkpoints != null && project.getState().isTerminal()) {
      checkpoints.delete(project);
    }
    if (project.getProjectApplicationId() != null) {
      try {
        orchestrator.deleteApplication(project.getProjectApplicationId());
      } catch (RuntimeException e) {
        log.warn("Could not delete application of project {}: {}", project.getId(), e.getMessage());
      }
    }
  }

  /** The last service of an ended project is gone: its broker credential goes too. */
  private void revokeServiceCredentials(Project project) {
    try {
      specs.revokeServiceCredentials(project);
    } catch (RuntimeException e) {
      log.warn(
          "Could not withdraw the broker identity of project {}: {}",
          project.getId(),
          e.getMessage());
    }
  }

  private void undeploy(Project project, DeployedService service) {
    try {
      log.info(
          "Undeploy {} service {} of project {}", service.role(), service.name(), project.getId());
      orchestrator.undeploy(service.deploymentId());
      record(project, p -> p.markUndeployed(service.deploymentId()));
    } catch (RuntimeException e) {
      log.warn(
          "Could not undeploy {} of project {}: {}",
          service.name(),
          project.getId(),
          e.getMessage());
    }
  }

  private String deploy(Project project, ServiceRole role, ServiceSpec spec, String cluster) {
    boolean ended = store.find(project.getId()).map(p -> p.getState().isTerminal()).orElse(true);
    if (ended) {
      throw new IllegalStateException(
          "Project " + project.getId() + " ended; " + spec.name() + " is not deployed.");
    }
    String id = orchestrator.deploy(spec);
    record(
        project,
        p ->
            p.addService(new DeployedService(role, id, spec.name(), spec.image(), cluster, false)));
    return id;
  }

  /** The orchestrator, for status polling. */
  public Orchestrator orchestrator() {
    return orchestrator;
  }
}
