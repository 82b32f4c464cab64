package io.flops.manager.lifecycle;

import io.flops.common.error.FlopsException;
import io.flops.common.image.ImageNames;
import io.flops.common.image.catalog.ImageCatalog;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.deploy.ProjectDeployer;
import io.flops.manager.deploy.TrackingServers;
import io.flops.manager.image.CommitLookup;
import io.flops.manager.project.Action;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.ServiceRole;
import java.util.List;
import java.util.Optional;

/** The lifecycle's actions on the real platform: Git, the image catalog and the orchestrator. */
public class ProjectActions implements ActionRunner {

  private final ProjectStore store;
  private final ProjectDeployer deployer;
  private final CommitLookup commits;
  private final ImageCatalog catalog;
  private final TrackingServers trackingServers;
  private final FlopsProperties properties;

  public ProjectActions(
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

  @Override
  public Optional<Signal> run(String projectId, Action action) {
    Optional<Project> found = store.find(projectId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Project project = found.get();
    switch (action) {
      case PREPARE -> {
        return Optional.of(prepare(project));
      }
      case BUILD_ACTOR_IMAGES -> deployer.ensureFlActorsBuilder(project, credential(project));
      case START_TRAINING -> {
        deployer.undeploy(project, ServiceRole.FL_ACTORS_BUILDER);
        deployer.ensureTraining(project);
      }
      case RESUME_TRAINING -> deployer.restartTraining(project);
      case BUILD_MODEL_IMAGE -> {
        deployer.undeployTraining(project);
        deployer.ensureTrainedModelBuilder(project);
      }
      case DEPLOY_INFERENCE -> {
        deployer.undeploy(project, ServiceRole.TRAINED_MODEL_BUILDER);
        deployer.ensureInferenceServer(project);
      }
      case CLEAN_UP -> {
        if (deployer.needsCleanUp(project)) {
          deployer.cleanUp(project);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Looks the repository up first (a bad repository fails the project before anything is deployed
   * for it), then sets up the applications, tracking and observer.
   */
  private Signal prepare(Project accepted) {
    ProjectSla sla = accepted.getSla();
    String commit = commits.latestCommit(sla.mlRepoUrl(), sla.mlRepoBranch(), credential(accepted));
    String registry = properties.getRegistry();
    String learner = ImageNames.learner(registry, sla.mlRepoUrl(), commit);
    String aggregator = ImageNames.aggregator(registry, sla.mlRepoUrl(), commit);
    boolean reuse =
        catalog.exists(learner, sla.supportedPlatforms())
            && catalog.exists(aggregator, sla.supportedPlatforms());
    Project project = deployer.ensureApplications(accepted);
    if (project.getTrackingUri() == null) {
      String uri = trackingServers.serviceUri(project.getCustomerId());
      project = deployer.record(project, p -> p.setTrackingUri(uri));
    }
    deployer.ensureObserver(project);
    return new Signal.Prepared(new ProjectImages(commit, learner, aggregator, reuse, null));
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
              + "' is not configured on the manager (flops.repo-credentials."
              + name
              + ").",
          List.of());
    }
    return secret;
  }
}
