package io.flops.builder.flactors;

import io.flops.builder.git.Checkout;
import io.flops.builder.git.GitCloner;
import io.flops.builder.image.ActorLayers;
import io.flops.builder.image.BuildPlatforms;
import io.flops.builder.image.ImageRecipe;
import io.flops.builder.image.ImageTarget;
import io.flops.builder.image.NativeClassifiers;
import io.flops.builder.image.PlatformDependencies;
import io.flops.builder.image.PushTracker;
import io.flops.builder.image.RuntimeApp;
import io.flops.builder.maven.CompiledRepository;
import io.flops.builder.maven.MavenBuild;
import io.flops.builder.maven.MlApiArtifact;
import io.flops.builder.plan.BuildContext;
import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuildOutcome;
import io.flops.builder.plan.BuildPlan;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.events.ComponentEvent;
import io.flops.common.image.ImageNames;
import io.flops.common.image.RepositoryDependencies;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fl-actors plan: clone the user's repository → check the ML contract → compile it and resolve
 * its dependencies with Maven → build the learner and aggregator images (one manifest list each,
 * every platform with its own native libraries) → push them or store them locally.
 */
public final class FlActorsPlan implements BuildPlan {

  private final BuilderLaunch launch;
  private final GitCloner git;
  private final RepositoryContract contract;
  private final MavenBuild maven;
  private final ImageTarget target;

  public FlActorsPlan(
      BuilderLaunch launch,
      GitCloner git,
      RepositoryContract contract,
      MavenBuild maven,
      ImageTarget target) {
    this.launch = launch;
    this.git = git;
    this.contract = contract;
    this.maven = maven;
    this.target = target;
  }

  @Override
  public ComponentEvent.BuildPlan kind() {
    return ComponentEvent.BuildPlan.FL_ACTORS;
  }

  @Override
  public BuildOutcome run(BuildContext context) throws BuildFailure {
    BuildSources sources = launch.sources();
    String url = sources.repoUrl();
    if (url.isBlank()) {
      throw new BuildFailure(
          "No repository to build: " + BuilderLaunch.Variable.REPO_URL.envName() + " is empty.");
    }
    List<Platform> platforms = BuildPlatforms.of(launch.output());
    Path work = context.workDir();
    Checkout checkout =
        context.step(
            "clone",
            "Cloning " + GitCloner.redact(url),
            () ->
                git.clone(
                    url, sources.repoBranch(), sources.repoCredential(), work.resolve("repo")));
    context.step(
        "validate",
        "Checking the ML contract",
        () -> {
          contract.checkSources(checkout.directory());
          return checkout;
        });
    CompiledRepository compiled =
        context.step(
            "compile",
            "Compiling with Maven",
            () -> {
              CompiledRepository result =
                  maven.compile(checkout.directory(), NativeClassifiers.of(Platform.host()), work);
              contract.checkClasses(result.classes());
              return result;
            });
    PlatformDependencies dependencies =
        context.step(
            "dependencies",
            "Sorting dependencies and native libraries for " + platforms,
            () ->
                PlatformDependencies.split(
                    compiled.dependencies(),
                    compiled.repositoryRoot(),
                    platforms,
                    (jar, classifier) -> maven.find(jar, classifier, work)));
    Path dependencyList = writeDependencyList(compiled.coordinates(), work);
    PushTracker pushes = new PushTracker();
    Path mlApiJar = maven.mlApiJar(launch.output().cacheDir().resolve("ml-api"));
    List<BuiltImage> images = new ArrayList<>();
    for (Role role : Role.values()) {
      RuntimeApp runtime =
          RuntimeApp.extractCached(
                  role.runtimeJar(launch), launch.output().cacheDir().resolve("runtime"))
              .withMlApi(mlApiJar);
      ActorLayers layers =
          new ActorLayers(runtime, dependencies, compiled.classes(), dependencyList);
      ImageRecipe recipe =
          new ImageRecipe(
              role.id,
              role.image(target.registry(), url, checkout.commit()),
              launch.output().baseImage(),
              layers::layers,
              layers.entrypoint(),
              labels(role, url, checkout.commit()));
      images.add(
          context.step(
              role.id + "_image",
              "Building the " + role.id + " image",
              () -> target.build(recipe, platforms, pushes)));
    }
    return new BuildOutcome(
        images, checkout.commit(), context.timings(), pushes.bytes(), pushes.blobs());
  }

  /** Writes the list the aggregator logs with the model (dependencies.txt) for the images. */
  private static Path writeDependencyList(RepositoryDependencies coordinates, Path work)
      throws BuildFailure {
    Path file = work.resolve("image-meta").resolve(RepositoryDependencies.RESOURCE);
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, coordinates.text());
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot write the repository's dependency list " + file + ": " + e.getMessage() + ".", e);
    }
  }

  private Map<String, String> labels(Role role, String url, String commit) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("io.flops.repo", GitCloner.redact(url));
    labels.put("io.flops.commit", commit);
    labels.put("io.flops.flavor", launch.sources().flavor().jsonName());
    labels.put("io.flops.version", MlApiArtifact.flopsVersion());
    labels.put("io.flops.role", role.id);
    labels.put("org.opencontainers.image.source", GitCloner.redact(url));
    labels.put("org.opencontainers.image.revision", commit);
    return labels;
  }

  private enum Role {
    LEARNER("learner"),
    AGGREGATOR("aggregator");

    private final String id;

    Role(String id) {
      this.id = id;
    }

    Path runtimeJar(BuilderLaunch launch) {
      return this == LEARNER ? launch.runtimes().learner() : launch.runtimes().aggregator();
    }

    String image(String registry, String url, String commit) {
      return this == LEARNER
          ? ImageNames.learner(registry, url, commit)
          : ImageNames.aggregator(registry, url, commit);
    }
  }
}
