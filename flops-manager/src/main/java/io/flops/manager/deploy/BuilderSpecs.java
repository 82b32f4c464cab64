package io.flops.manager.deploy;

import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.launch.BuildRuntimes;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.launch.ImageOutput;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.project.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The image builders of a project: the learner and aggregator images, and the trained model's. */
final class BuilderSpecs {

  private final FlopsProperties flops;
  private final ImagesProperties images;
  private final ProjectLaunches launches;
  private final Locality locality;

  BuilderSpecs(
      FlopsProperties flops, ImagesProperties images, ProjectLaunches launches, Locality locality) {
    this.flops = flops;
    this.images = images;
    this.launches = launches;
    this.locality = locality;
  }

  /** The builder of the learner and aggregator images of {@code commit}. */
  ServiceSpec flActors(Project project, String applicationId, String commit, String credential) {
    ProjectSla sla = project.getSla();
    BuildSources repository =
        BuildSources.repository(sla.mlRepoUrl(), commit, credential, sla.mlModelFlavor());
    return spec(
        "builder",
        project,
        applicationId,
        launch(project, BuildPlan.FL_ACTORS, repository),
        List.of());
  }

  /** The builder of the inference image of the model {@code modelUri} of run {@code runId}. */
  ServiceSpec trainedModel(Project project, String applicationId, String runId, String modelUri) {
    BuildSources model =
        BuildSources.trainedModel(
            project.getCustomerId(), runId, modelUri, launches.tracking(project));
    return spec(
        "trbuilder",
        project,
        applicationId,
        launch(project, BuildPlan.TRAINED_MODEL, model),
        ProjectLaunches.trackingDirectories(project));
  }

  private BuilderLaunch launch(Project project, BuildPlan plan, BuildSources sources) {
    return new BuilderLaunch(launches.service(project), plan, sources, output(project), runtimes());
  }

  /**
   * The SLA's platforms, the registry (or, without one, the local store) and the cache: on this
   * host's file system where the builder can share it (the cache outlives one build), else the
   * builder's own.
   */
  private ImageOutput output(Project project) {
    boolean localStore = flops.getRegistry().isBlank();
    boolean onThisHost = locality.simulatesNodes();
    return new ImageOutput(
        project.getSla().supportedPlatforms(),
        flops.getRegistry(),
        flops.registryIsPlainHttp(),
        onThisHost && localStore ? localImageStore() : null,
        localStore ? ImageOutput.SCRATCH : images.getJreBase(),
        onThisHost ? cacheDir() : null);
  }

  /** The host directories the builder works in, where it shares them with this host. */
  private List<Path> builderDirectories() {
    if (!locality.simulatesNodes()) {
      return List.of();
    }
    return flops.getRegistry().isBlank()
        ? List.of(localImageStore(), cacheDir())
        : List.of(cacheDir());
  }

  private Path localImageStore() {
    return dataDir().resolve("images");
  }

  private Path cacheDir() {
    return dataDir().resolve("builder-cache");
  }

  /** The runtimes found on this host, for builders that run here; else the builder image's. */
  private BuildRuntimes runtimes() {
    if (!locality.sharesHostFiles()) {
      return BuildRuntimes.UNSET;
    }
    return new BuildRuntimes(
        images.learnerRuntime().orElse(null),
        images.aggregatorRuntime().orElse(null),
        images.inferenceRuntime().orElse(null),
        images.mavenWrapper().map(Path::toString).orElse(null));
  }

  private ServiceSpec spec(
      String prefix,
      Project project,
      String applicationId,
      BuilderLaunch launch,
      List<Path> trackingDirectories) {
    List<Path> directories = new ArrayList<>(builderDirectories());
    directories.addAll(trackingDirectories);
    return ServiceSpec.builder(prefix + project.getId(), ServiceKind.IMAGE_BUILDER, applicationId)
        .project(project.getId())
        .image(images.getBuilder())
        .environment(launch.toEnvironment())
        .placement(Placement.needs(ServiceSpecs.BUILDER_ADDON))
        .hostDirectories(directories)
        .oneShot()
        .build();
  }

  private Path dataDir() {
    return flops.getDataDir().toAbsolutePath().normalize();
  }
}
