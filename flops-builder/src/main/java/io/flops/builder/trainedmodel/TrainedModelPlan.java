package io.flops.builder.trainedmodel;

import io.flops.builder.image.BuildPlatforms;
import io.flops.builder.image.ImageRecipe;
import io.flops.builder.image.ImageTarget;
import io.flops.builder.image.InferenceLayers;
import io.flops.builder.image.PushTracker;
import io.flops.builder.image.RuntimeApp;
import io.flops.builder.image.RuntimeNatives;
import io.flops.builder.maven.MavenBuild;
import io.flops.builder.maven.MlApiArtifact;
import io.flops.builder.plan.BuildContext;
import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuildOutcome;
import io.flops.builder.plan.BuildPlan;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.events.ComponentEvent;
import io.flops.common.image.ImageNames;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.launch.ImageOutput;
import io.flops.common.launch.InferenceLaunch;
import io.flops.common.sla.Platform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trained-model plan: fetch the best model from tracking → unpack the inference server and find
 * its native libraries for every platform → build {@code <customer>/trained_model:<run id>} (one
 * manifest list, the model at {@code /app/model}) → push it or store it locally.
 */
public final class TrainedModelPlan implements BuildPlan {

  /** The user the image runs as, on a real base image (the FLOps base calls it {@code nonroot}). */
  static final String USER = "65532";

  private final BuilderLaunch launch;
  private final ModelFetcher fetcher;
  private final MavenBuild maven;
  private final ImageTarget target;

  public TrainedModelPlan(
      BuilderLaunch launch, ModelFetcher fetcher, MavenBuild maven, ImageTarget target) {
    this.launch = launch;
    this.fetcher = fetcher;
    this.maven = maven;
    this.target = target;
  }

  @Override
  public ComponentEvent.BuildPlan kind() {
    return ComponentEvent.BuildPlan.TRAINED_MODEL;
  }

  @Override
  public BuildOutcome run(BuildContext context) throws BuildFailure {
    BuildSources sources = launch.sources();
    ModelLocation location = ModelLocation.parse(sources.modelUri(), sources.runId());
    String runId = sources.runId().isBlank() ? location.runId() : sources.runId();
    String reference = imageName(customer(), runId);
    List<Platform> platforms = target.platformsBuilt(BuildPlatforms.of(launch.output()));
    Path work = context.workDir();
    ModelFetcher.FetchedModel model =
        context.step(
            "fetch_model",
            "Fetching the model " + location.uri(),
            () -> fetcher.fetch(location, work.resolve("model")));
    InferenceLayers layers =
        context.step(
            "runtime",
            "Preparing the inference server for " + platforms,
            () -> {
              RuntimeApp runtime =
                  RuntimeApp.extractCached(
                      launch.runtimes().inference(), launch.output().cacheDir().resolve("runtime"));
              return new InferenceLayers(
                  runtime,
                  RuntimeNatives.of(
                      runtime, platforms, (jar, classifier) -> maven.find(jar, classifier, work)),
                  model.directory());
            });
    boolean scratch = ImageOutput.SCRATCH.equals(launch.output().baseImage());
    ImageRecipe recipe =
        new ImageRecipe(
            "trained model",
            reference,
            launch.output().baseImage(),
            layers::layers,
            layers.entrypoint(),
            labels(context.projectId(), runId, location, model.flavors()),
            new InferenceLaunch(Path.of(InferenceLayers.MODEL_DIR)).toEnvironment(),
            List.of(InferenceLaunch.PORT),
            scratch ? "" : USER);
    PushTracker pushes = new PushTracker();
    BuiltImage image =
        context.step(
            "model_image",
            "Building the trained-model image",
            () -> target.build(recipe, platforms, pushes));
    return new BuildOutcome(
        List.of(image), runId, context.timings(), pushes.bytes(), pushes.blobs());
  }

  private String customer() throws BuildFailure {
    String customer = launch.sources().customerId();
    if (customer.isBlank()) {
      throw new BuildFailure(
          "No customer to name the image after: "
              + BuilderLaunch.Variable.CUSTOMER_ID.envName()
              + " is empty.");
    }
    return customer.trim();
  }

  private String imageName(String customer, String runId) throws BuildFailure {
    if (runId == null || runId.isBlank()) {
      throw new BuildFailure(
          "No run id to tag the image with: FLOPS_BUILDER_RUN_ID is empty and the model URI"
              + " names no run.");
    }
    try {
      return ImageNames.trainedModel(target.registry(), customer, runId);
    } catch (IllegalArgumentException e) {
      throw new BuildFailure("Cannot name the trained model's image: " + e.getMessage(), e);
    }
  }

  private Map<String, String> labels(
      String projectId, String runId, ModelLocation location, List<String> flavors) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("io.flops.project", projectId == null ? "" : projectId);
    labels.put("io.flops.customer", launch.sources().customerId().trim());
    labels.put("io.flops.run-id", runId);
    labels.put("io.flops.model-uri", location.uri());
    labels.put(
        "io.flops.flavor",
        flavors.stream()
            .filter(flavor -> !"python_function".equals(flavor))
            .findFirst()
            .orElse(launch.sources().flavor().jsonName()));
    labels.put("io.flops.version", MlApiArtifact.flopsVersion());
    labels.put("io.flops.role", "trained_model");
    return labels;
  }
}
