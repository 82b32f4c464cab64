package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import io.flops.common.error.FlopsException;
import io.flops.common.image.ImageNames;
import io.flops.common.image.catalog.ImageCatalog;
import io.flops.common.sla.PostTrainingStep;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.deploy.TrackingServers;
import io.flops.manager.image.CommitLookup;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives projects through {@link Transitions}: runs each state's entry actions (idempotent, so a
 * restarted manager simply runs them again), fails a project with a readable reason when an action
 * fails, and undeploys what a project started once it ends.
 */
public class ProjectLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ProjectLifecycle.class);

  private final ProjectStore store;
  private final ProjectDeployer deployer;
  private final CommitLookup commits;
  private final ImageCatalog catalog;
  private final TrackingServers trackingServers;
  private final FlopsProperties properties;

  public ProjectLifecycle(
      ProjectStore store,
      ProjectDeployer deployer,
      CommitLookup commits,
      ImageCatalog catalog,
      TrackingServers trackingServers,
      FlopsProperties properties) {
    this.store = store;
    this.deployer = deployer;
    this.commits = commits;
    this.catalog = catalog;
    this.trackingServers = trackingServers;
    this.properties = properties;
  }

  /** Runs {@code work} on a project, then its entry actions; failures fail the project. */
  public void step(String projectId, Consumer<Project> work) {
    store.change(
        projectId,
        project -> {
          try {
            work.accept(project);
            advance(project);
          } catch (RuntimeException e) {
            failOnError(project, e);
          }
          if (deployer.needsCleanUp(project)) {
            deployer.cleanUp(project);
          }
        });
  }

  /** Advances a project from where it is (used after creation and on restart). */
  public void resume(String projectId) {
    step(projectId, project -> {});
  }

  /** Fails a project with {@code reason}, unless it already ended. */
  public void fail(String projectId, String component, String reason) {
    step(
        projectId,
        project -> {
          if (!project.getState().isTerminal()) {
            project.fail(component, reason, now());
          }
        });
  }

  private void failOnError(Project project, RuntimeException e) {
    if (project.getState().isTerminal()) {
      log.warn("Project {} ended; ignoring: {}", project.getId(), e.getMessage());
      return;
    }
    log.warn("Project {} failed in {}: {}", project.getId(), project.getState(), e.getMessage());
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    project.fail("manager", reason, now());
  }

  private void advance(Project project) {
    ProjectState before;
    do {
      before = project.getState();
      enter(project);
    } while (project.getState() != before);
  }

  private void enter(Project project) {
    switch (project.getState()) {
      case ACCEPTED ->
          project.fire(
              Trigger.PREPARE, "Preparing the project's applications and observer.", now());
      case PREPARING -> prepare(project);
      case BUILDING_IMAGES -> deployer.ensureFlActorsBuilder(project, credential(project));
      case STARTING_TRAINING -> {
        deployer.undeploy(project, ServiceRole.FL_ACTORS_BUILDER);
        deployer.ensureTraining(project);
      }
      case BUILDING_INFERENCE_IMAGE -> deployer.ensureTrainedModelBuilder(project);
      case DEPLOYING_INFERENCE -> deployer.ensureInferenceServer(project);
      default -> {}
    }
  }

  private void prepare(Project project) {
    ProjectSla sla = project.getSla();
    deployer.ensureApplications(project);
    if (project.getTrackingUri() == null) {
      project.setTrackingUri(trackingServers.serviceUri(project.getCustomerId()));
    }
    deployer.ensureObserver(project);
    String commit = commits.latestCommit(sla.mlRepoUrl(), sla.mlRepoBranch(), credential(project));
    String registry = properties.getRegistry();
    String learner = ImageNames.learner(registry, sla.mlRepoUrl(), commit);
    String aggregator = ImageNames.aggregator(registry, sla.mlRepoUrl(), commit);
    boolean reuse =
        catalog.exists(learner, sla.supportedPlatforms())
            && catalog.exists(aggregator, sla.supportedPlatforms());
    project.setImages(new ProjectImages(commit, learner, aggregator, reuse, null));
    if (reuse) {
      project.fire(
          Trigger.REUSE_IMAGES,
          "Latest FLOps images already exist for commit " + commit + ": not rebuilding.",
          now());
    } else {
      project.fire(
          Trigger.BUILD_IMAGES,
          "Building learner and aggregator images of commit " + commit + ".",
          now());
    }
  }

  private String credential(Project project) {
    String name = project.getSla().mlRepoCredential();
    if (name == null) {
      return null;
    }
    String secret = properties.getRepoCredentials().get(name);
    if (secret == null) {
      throw FlopsException.invalidInput(
          "Repository credential '"
              + name
              + "' is not configured on the manager"
              + " (flops.repo-credentials."
              + name
              + ").",
          java.util.List.of());
    }
    return secret;
  }

  /** After training: build the inference image, or finish. */
  void finishTraining(Project project, String message) {
    deployer.undeployTraining(project);
    if (project.getSla().wants(PostTrainingStep.BUILD_IMAGE_FOR_TRAINED_MODEL)) {
      project.fire(
          Trigger.BUILD_INFERENCE_IMAGE,
          message + " Start handling FL post training: building the trained model's image.",
          now());
    } else {
      project.fire(
          Trigger.TRAINING_FINISHED, message + " No further post training steps requested.", now());
    }
  }

  /** After the trained-model image is built: deploy it, or finish. */
  void finishInferenceImage(Project project, String image) {
    deployer.undeploy(project, ServiceRole.TRAINED_MODEL_BUILDER);
    project.setImages(project.getImages().withTrainedModel(image));
    if (project.getSla().wants(PostTrainingStep.DEPLOY_TRAINED_MODEL_IMAGE)) {
      project.fire(Trigger.DEPLOY_INFERENCE, "Built " + image + "; deploying it.", now());
    } else {
      project.fire(Trigger.INFERENCE_IMAGE_BUILT, "Built " + image + ".", now());
    }
  }

  /** The registry the builder pushes to (empty: the local store). */
  String registry() {
    return properties.getRegistry();
  }

  Instant now() {
    return store.clock().instant();
  }
}
