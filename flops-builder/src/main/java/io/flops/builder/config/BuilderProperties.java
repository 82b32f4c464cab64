package io.flops.builder.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of the builder ({@code FLOPS_BUILDER_*}, see docs/services.md and docs/builder.md).
 */
@Validated
@ConfigurationProperties(prefix = "flops.builder")
public class BuilderProperties {

  /** Which plan to run: {@code fl_actors} or {@code trained_model}. */
  @NotNull private PlanName plan = PlanName.FL_ACTORS;

  /** The Git URL of the user's ML repository (https, http, ssh, git or file). */
  private String repoUrl = "";

  /** Optional branch, tag or commit sha to build; empty: the remote's default branch. */
  private String repoBranch = "";

  /** Optional secret for the repository: a token or {@code user:password}; never logged. */
  private String repoCredential = "";

  /** The customer (trained-model plan): the first path segment of the image name. */
  private String customerId = "";

  /** The run whose model is built (trained-model plan): the image tag. */
  private String runId = "";

  /**
   * The model to build (trained-model plan): {@code runs:/<run id>/<artifact path>} in the tracking
   * store, or a model directory ({@code file:} URI or path); empty: {@code runs:/<run id>/model}.
   */
  private String modelUri = "";

  /** The model flavor from the SLA ({@code ml_model_flavor}), written into the image labels. */
  private String flavor = "dl4j";

  /** Platforms to build for, e.g. {@code linux/amd64,linux/arm64}. */
  @NotEmpty private List<String> platforms = List.of("linux/amd64");

  /** Registry {@code host:port} to push to; empty: the local image store. */
  private String registry = "";

  /** Talk plain HTTP to the registry (a registry on a private address). */
  private boolean registryPlainHttp = true;

  /** Directory of the local image store (used when no registry is set). */
  @NotNull private Path localImageStore = Path.of(".flops", "images");

  /**
   * Base image, a manifest list holding every platform built; {@code scratch} for images that only
   * the local-process orchestrator runs.
   */
  @NotEmpty private String baseImage = "eclipse-temurin:17-jre";

  /** Where repositories are cloned and compiled; a fresh sub-directory per run. */
  @NotNull private Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "flops-builder");

  /** Jib's layer caches (base and application layers), kept across runs for fast rebuilds. */
  @NotNull
  private Path cacheDir = Path.of(System.getProperty("user.home"), ".cache", "flops", "jib");

  /** Timeout of each registry request made by the builder itself (manifest lists). */
  @NotNull private Duration registryTimeout = Duration.ofSeconds(30);

  /** Maven, which compiles the repository and resolves its dependencies. */
  @Valid private final Maven maven = new Maven();

  /** The FLOps runtime applications packed into the images. */
  @Valid private final Runtime runtime = new Runtime();

  /** Names of the plans. */
  public enum PlanName {
    FL_ACTORS,
    TRAINED_MODEL
  }

  /** How Maven is run. */
  public static class Maven {

    /** The Maven executable. */
    @NotEmpty private String command = "mvn";

    /** The local Maven repository used for the user's build. */
    @NotNull
    private Path localRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");

    /** Run Maven offline (every dependency must already be in the local repository). */
    private boolean offline = false;

    /** The longest a Maven run may take. */
    @NotNull private Duration timeout = Duration.ofMinutes(15);

    public String getCommand() {
      return command;
    }

    public void setCommand(String command) {
      this.command = command;
    }

    public Path getLocalRepository() {
      return localRepository;
    }

    public void setLocalRepository(Path localRepository) {
      this.localRepository = localRepository;
    }

    public boolean isOffline() {
      return offline;
    }

    public void setOffline(boolean offline) {
      this.offline = offline;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** Where the learner, aggregator and inference applications come from. */
  public static class Runtime {

    /** The learner's Spring Boot executable jar (its Start-Class is the image's main class). */
    @NotNull private Path learner = Path.of("/opt/flops/runtime/flops-learner-exec.jar");

    /** The aggregator's Spring Boot executable jar. */
    @NotNull private Path aggregator = Path.of("/opt/flops/runtime/flops-aggregator-exec.jar");

    /** The inference server's Spring Boot executable jar (trained-model images). */
    @NotNull private Path inference = Path.of("/opt/flops/runtime/flops-inference-exec.jar");

    public Path getInference() {
      return inference;
    }

    public void setInference(Path inference) {
      this.inference = inference;
    }

    public Path getLearner() {
      return learner;
    }

    public void setLearner(Path learner) {
      this.learner = learner;
    }

    public Path getAggregator() {
      return aggregator;
    }

    public void setAggregator(Path aggregator) {
      this.aggregator = aggregator;
    }
  }

  public PlanName getPlan() {
    return plan;
  }

  public void setPlan(PlanName plan) {
    this.plan = plan;
  }

  public String getRepoUrl() {
    return repoUrl;
  }

  public void setRepoUrl(String repoUrl) {
    this.repoUrl = repoUrl;
  }

  public String getRepoBranch() {
    return repoBranch;
  }

  public void setRepoBranch(String repoBranch) {
    this.repoBranch = repoBranch;
  }

  public String getRepoCredential() {
    return repoCredential;
  }

  public void setRepoCredential(String repoCredential) {
    this.repoCredential = repoCredential;
  }

  public String getCustomerId() {
    return customerId;
  }

  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  public String getRunId() {
    return runId;
  }

  public void setRunId(String runId) {
    this.runId = runId;
  }

  public String getModelUri() {
    return modelUri;
  }

  public void setModelUri(String modelUri) {
    this.modelUri = modelUri;
  }

  public String getFlavor() {
    return flavor;
  }

  public void setFlavor(String flavor) {
    this.flavor = flavor;
  }

  public List<String> getPlatforms() {
    return platforms;
  }

  public void setPlatforms(List<String> platforms) {
    this.platforms = platforms;
  }

  public String getRegistry() {
    return registry;
  }

  public void setRegistry(String registry) {
    this.registry = registry;
  }

  public boolean isRegistryPlainHttp() {
    return registryPlainHttp;
  }

  public void setRegistryPlainHttp(boolean registryPlainHttp) {
    this.registryPlainHttp = registryPlainHttp;
  }

  public Path getLocalImageStore() {
    return localImageStore;
  }

  public void setLocalImageStore(Path localImageStore) {
    this.localImageStore = localImageStore;
  }

  public String getBaseImage() {
    return baseImage;
  }

  public void setBaseImage(String baseImage) {
    this.baseImage = baseImage;
  }

  public Path getWorkDir() {
    return workDir;
  }

  public void setWorkDir(Path workDir) {
    this.workDir = workDir;
  }

  public Path getCacheDir() {
    return cacheDir;
  }

  public void setCacheDir(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  public Duration getRegistryTimeout() {
    return registryTimeout;
  }

  public void setRegistryTimeout(Duration registryTimeout) {
    this.registryTimeout = registryTimeout;
  }

  public Maven getMaven() {
    return maven;
  }

  public Runtime getRuntime() {
    return runtime;
  }
}
