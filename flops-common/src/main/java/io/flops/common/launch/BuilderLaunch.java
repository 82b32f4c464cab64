package io.flops.common.launch;

import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.sla.ModelFlavor;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an image builder is told when it starts (docs/services.md, "Builder"): the plan, the part of
 * that plan ({@link BuildSources}), where images go ({@link ImageOutput}) and the runtimes packed
 * into them ({@link BuildRuntimes}).
 *
 * @param service the settings of every service
 * @param plan which plan to run (default fl_actors)
 * @param sources the repository (fl_actors) or the trained model (trained_model) to build
 * @param output the platforms, the registry or local store, the base image and the cache
 * @param runtimes the runtime jars and Maven; a null part means the builder's own default
 */
public record BuilderLaunch(
    ServiceLaunch service,
    BuildPlan plan,
    BuildSources sources,
    ImageOutput output,
    BuildRuntimes runtimes) {

  /** The builder's own variables (it also reads {@link ServiceLaunch}'s and tracking's). */
  public enum Variable implements LaunchVariable {
    PLAN("FLOPS_BUILDER_PLAN"),
    REPO_URL("FLOPS_BUILDER_REPO_URL"),
    REPO_BRANCH("FLOPS_BUILDER_REPO_BRANCH"),
    REPO_CREDENTIAL("FLOPS_BUILDER_REPO_CREDENTIAL"),
    FLAVOR("FLOPS_BUILDER_FLAVOR"),
    CUSTOMER_ID("FLOPS_BUILDER_CUSTOMER_ID"),
    RUN_ID("FLOPS_BUILDER_RUN_ID"),
    MODEL_URI("FLOPS_BUILDER_MODEL_URI"),
    PLATFORMS("FLOPS_BUILDER_PLATFORMS"),
    REGISTRY("FLOPS_BUILDER_REGISTRY"),
    REGISTRY_PLAIN_HTTP("FLOPS_BUILDER_REGISTRY_PLAIN_HTTP"),
    LOCAL_IMAGE_STORE("FLOPS_BUILDER_LOCAL_IMAGE_STORE"),
    BASE_IMAGE("FLOPS_BUILDER_BASE_IMAGE"),
    CACHE_DIR("FLOPS_BUILDER_CACHE_DIR"),
    RUNTIME_LEARNER("FLOPS_BUILDER_RUNTIME_LEARNER"),
    RUNTIME_AGGREGATOR("FLOPS_BUILDER_RUNTIME_AGGREGATOR"),
    RUNTIME_INFERENCE("FLOPS_BUILDER_RUNTIME_INFERENCE"),
    MAVEN_COMMAND("FLOPS_BUILDER_MAVEN_COMMAND");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public BuilderLaunch {
    runtimes = runtimes == null ? BuildRuntimes.UNSET : runtimes;
  }

  /** The builder's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads a builder's settings; unset variables take the documented defaults. */
  public static BuilderLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new BuilderLaunch(
        ServiceLaunch.fromEnvironment(environment),
        read.parsed(Variable.PLAN, BuilderLaunch::plan, "fl_actors or trained_model")
            .orElse(BuildPlan.FL_ACTORS),
        BuildSources.read(read, TrackingLaunch.fromEnvironment(environment)),
        ImageOutput.read(read),
        BuildRuntimes.read(read));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    LaunchWriter write =
        new LaunchWriter()
            .putAll(service.toEnvironment())
            .put(Variable.PLAN, plan.name().toLowerCase(Locale.ROOT));
    sources.write(write);
    output.write(write);
    runtimes.write(write);
    return write.toMap();
  }

  private static BuildPlan plan(String text) {
    return BuildPlan.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * What is built: the user's repository (fl_actors plan) or a trained model (trained_model plan);
   * the other plan's part is empty.
   *
   * @param repoUrl the Git URL of the ML repository
   * @param repoBranch branch, tag or commit to build; empty: the remote's default branch
   * @param repoCredential a token or {@code user:password} for the repository (never logged)
   * @param flavor the model flavor, written into the image labels (default dl4j)
   * @param customerId the customer, the first path segment of the trained-model image
   * @param runId the run whose model is built: the image tag
   * @param modelUri {@code runs:/<run id>/<path>} or a model directory; empty: {@code runs:/<run
   *     id>/model}
   * @param tracking where the model is fetched from
   */
  public record BuildSources(
      String repoUrl,
      String repoBranch,
      String repoCredential,
      ModelFlavor flavor,
      String customerId,
      String runId,
      String modelUri,
      TrackingLaunch tracking) {

    public BuildSources {
      repoUrl = repoUrl == null ? "" : repoUrl;
      repoBranch = repoBranch == null ? "" : repoBranch;
      repoCredential = repoCredential == null ? "" : repoCredential;
      flavor = flavor == null ? ModelFlavor.DL4J : flavor;
      customerId = customerId == null ? "" : customerId;
      runId = runId == null ? "" : runId;
      modelUri = modelUri == null ? "" : modelUri;
      tracking = tracking == null ? TrackingLaunch.NONE : tracking;
    }

    /** The fl_actors plan's part. */
    public static BuildSources repository(
        String url, String branch, String credential, ModelFlavor flavor) {
      return new BuildSources(url, branch, credential, flavor, null, null, null, null);
    }

    /** The trained_model plan's part. */
    public static BuildSources trainedModel(
        String customerId, String runId, String modelUri, TrackingLaunch tracking) {
      return new BuildSources(null, null, null, null, customerId, runId, modelUri, tracking);
    }

    static BuildSources read(LaunchReader read, TrackingLaunch tracking) {
      return new BuildSources(
          read.text(Variable.REPO_URL, ""),
          read.text(Variable.REPO_BRANCH, ""),
          read.text(Variable.REPO_CREDENTIAL, ""),
          read.parsed(Variable.FLAVOR, ModelFlavor::of, "a model flavor").orElse(null),
          read.text(Variable.CUSTOMER_ID, ""),
          read.text(Variable.RUN_ID, ""),
          read.text(Variable.MODEL_URI, ""),
          tracking);
    }

    void write(LaunchWriter write) {
      write
          .put(Variable.REPO_URL, repoUrl)
          .put(Variable.REPO_BRANCH, repoBranch)
          .put(Variable.REPO_CREDENTIAL, repoCredential)
          .put(Variable.FLAVOR, flavor.jsonName())
          .put(Variable.CUSTOMER_ID, customerId)
          .put(Variable.RUN_ID, runId)
          .put(Variable.MODEL_URI, modelUri)
          .putAll(tracking.toEnvironment());
    }

    /** Leaves out the credential. */
    @Override
    public String toString() {
      return "BuildSources[repoUrl=%s, repoBranch=%s, credential=%s, flavor=%s, customerId=%s,"
              .formatted(
                  repoUrl,
                  repoBranch,
                  repoCredential.isEmpty() ? "none" : "set",
                  flavor,
                  customerId)
          + " runId=%s, modelUri=%s, tracking=%s]".formatted(runId, modelUri, tracking);
    }
  }
}
