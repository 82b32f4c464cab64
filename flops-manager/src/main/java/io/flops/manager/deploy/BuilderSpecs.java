package io.flops.manager.deploy;

import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.launch.BuildRuntimes;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.launch.ImageOutput;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.project.Project;
import java.nio.file.Path;

/** The image builders of a project: the learner and aggregator images, and the trained model's. */
final class BuilderSpecs {

  private final FlopsProperties flops;
  private final ImagesProperties images;
  private final ProjectLaunches launches;
  private final boolean hostRuntimes;

  BuilderSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      ProjectLaunches launches,
      boolean hostRuntimes) {
    this.flops = flops;
    this.images = images;
    this.launches = launches;
    this.hostRuntimes = hostRuntimes;
  }

  /** The builder of the learner and aggregator images of {@code commit}. */
  ServiceSpec flActors(Project project, String applicationId, String commit, String credential) {
    ProjectSla sla = project.getSla();
    BuildSources repository =
        BuildSources.repository(sla.mlRepoUrl(), commit, credential, sla.mlModelFlavor());
    return spec(
        "builder", project, applicationId, launch(project, BuildPlan.FL_ACTORS, repository));
  }

  /** The builder of the inference image of the model {@code modelUri} of run {@code runId}. */
  ServiceSpec trainedModel(Project project, String applicationId, String runId, String modelUri) {
    BuildSources model =
        BuildSources.trainedModel(
            project.getCustomerId(), runId, modelUri, launches.tracking(project));
    return spec(
        "trbuilder", project, applicationId, launch(project, BuildPlan.TRAINED_MODEL, model));
  }

  private BuilderLaunch launch(Project project, BuildPlan plan, BuildSources sources) {
    return new BuilderLaunch(launches.service(project), plan, sources, output(project), runtimes());
  }

  /** The SLA's platforms, the registry (or, without one, the local store) and the cache. */
  private ImageOutput output(Project project) {
    boolean localStore = flops.getRegistry().isBlank();
    return new ImageOutput(
        project.getSla().supportedPlatforms(),
        flops.getRegistry(),
        flops.registryIsPlainHttp(),
        dataDir().resolve("images"),
        localStore ? ImageOutput.SCRATCH : images.getJreBase(),
        dataDir().resolve("builder-cache"));
  }

  /** The runtimes found on this host, for builders that run here; else the builder image's. */
  private BuildRuntimes runtimes() {
    if (!hostRuntimes) {
      return BuildRuntimes.UNSET;
    }
    return new BuildRuntimes(
        images.learnerRuntime().orElse(null),
        images.aggregatorRuntime().orElse(null),
        images.inferenceRuntime().orElse(null),
        images.mavenWrapper().map(Path::toString).orElse(null));
  }

  private ServiceSpec spec(
      String prefix, Project project, String applicationId, BuilderLaunch launch) {
    return SpecBuilder.of(prefix + project.getId(), ServiceKind.IMAGE_BUILDER, applicationId)
        .project(project.getId())
        .image(images.getBuilder())
        .environment(launch.toEnvironment())
        .placement(Placement.needs(ServiceSpecs.BUILDER_ADDON))
        .oneShot()
        .build();
  }

  private Path dataDir() {
    return flops.getDataDir().toAbsolutePath().normalize();
  }
}
