package io.flops.manager.deploy;

import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.Platform;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.ResourceConstraints;
import io.flops.common.sla.TrainingConfiguration;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.project.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@link ServiceSpec}s of a project's services, exactly per the runtime contract of {@code
 * docs/services.md}: images, ports and environment variables.
 */
public class ServiceSpecs {

  /** Container port of aggregators and inference servers. */
  public static final int AGGREGATOR_PORT = 8080;

  /** Container port of the observer. */
  public static final int OBSERVER_PORT = 2727;

  /** Arrow Flight port of data servers. */
  public static final int DATA_SERVER_PORT = 11027;

  /** HTTP health and metrics port of data servers. */
  public static final int DATA_SERVER_HTTP_PORT = 11028;

  /** Container port of inference servers. */
  public static final int INFERENCE_PORT = 8080;

  /** Worker add-on learners need. */
  public static final String LEARNER_ADDON = "FLOps-learner";

  /** Worker add-on builders need. */
  public static final String BUILDER_ADDON = "image-builder";

  private final FlopsProperties flops;
  private final ImagesProperties images;
  private final TrackingProperties tracking;
  private final MqttEndpoint mqtt;
  private final boolean hostRuntimes;

  /**
   * @param hostRuntimes whether builders run on this host (local processes) and so get the runtime
   *     jars found here; in containers they use the ones in their image
   */
  public ServiceSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      TrackingProperties tracking,
      MqttEndpoint mqtt,
      boolean hostRuntimes) {
    this.flops = flops;
    this.tracking = tracking;
    this.images = images;
    this.mqtt = mqtt;
    this.hostRuntimes = hostRuntimes;
  }

  /** The project's observer, in the customer's observatory. */
  public ServiceSpec observer(Project project, String applicationId) {
    Map<String, String> env = common(project);
    env.put(
        "FLOPS_OBSERVER_STORAGE_DIR",
        dataDir().resolve("observer").resolve(project.getId()).toString());
    if (project.getTrackingUri() != null && project.getTrackingUri().startsWith("http")) {
      env.put("FLOPS_OBSERVER_TRACKING_URL", project.getTrackingUri());
    }
    return spec(
        "observ",
        project,
        ServiceKind.PROJECT_OBSERVER,
        applicationId,
        images.getObserver(),
        env,
        List.of(OBSERVER_PORT),
        Resources.NONE,
        Placement.ANYWHERE,
        false,
        1);
  }

  /** The builder of the learner and aggregator images. */
  public ServiceSpec flActorsBuilder(
      Project project, String applicationId, String commit, String credential) {
    ProjectSla sla = project.getSla();
    Map<String, String> env = builderCommon(project);
    env.put("FLOPS_BUILDER_PLAN", "fl_actors");
    env.put("FLOPS_BUILDER_REPO_URL", sla.mlRepoUrl());
    env.put("FLOPS_BUILDER_REPO_BRANCH", commit);
    if (credential != null) {
      env.put("FLOPS_BUILDER_REPO_CREDENTIAL", credential);
    }
    env.put("FLOPS_BUILDER_FLAVOR", sla.mlModelFlavor().jsonName());
    return spec(
        "builder",
        project,
        ServiceKind.IMAGE_BUILDER,
        applicationId,
        images.getBuilder(),
        env,
        List.of(),
        Resources.NONE,
        Placement.needs(BUILDER_ADDON),
        true,
        1);
  }

  /** The builder of the trained model's inference image. */
  public ServiceSpec trainedModelBuilder(
      Project project, String applicationId, String runId, String modelUri) {
    Map<String, String> env = builderCommon(project);
    env.put("FLOPS_BUILDER_PLAN", "trained_model");
    env.put("FLOPS_BUILDER_CUSTOMER_ID", project.getCustomerId());
    env.put("FLOPS_TRACKING_URI", project.getTrackingUri());
    env.putAll(tracking.credentialsEnvironment());
    env.put("FLOPS_BUILDER_RUN_ID", runId);
    env.put("FLOPS_BUILDER_MODEL_URI", modelUri == null ? "" : modelUri);
    return spec(
        "trbuilder",
        project,
        ServiceKind.IMAGE_BUILDER,
        applicationId,
        images.getBuilder(),
        env,
        List.of(),
        Resources.NONE,
        Placement.needs(BUILDER_ADDON),
        true,
        1);
  }

  /** A classic or root aggregator. */
  public ServiceSpec aggregator(Project project, String applicationId, boolean root, int clusters) {
    TrainingConfiguration training = project.getSla().trainingConfiguration();
    Map<String, String> env = aggregatorCommon(project);
    env.put("FLOPS_AGGREGATOR_ROLE", root ? "root" : "classic");
    env.put(
        "FLOPS_AGGREGATOR_ROUNDS",
        String.valueOf(root ? training.trainingCycles() : training.trainingRounds()));
    int available = root ? clusters : training.minAvailableClients();
    env.put("FLOPS_AGGREGATOR_MIN_AVAILABLE_CLIENTS", String.valueOf(available));
    env.put(
        "FLOPS_AGGREGATOR_MIN_FIT_CLIENTS",
        String.valueOf(root ? clusters : training.minFitClients()));
    env.put(
        "FLOPS_AGGREGATOR_MIN_EVALUATE_CLIENTS",
        String.valueOf(root ? clusters : training.minEvaluateClients()));
    return spec(
        root ? "raggr" : "aggr",
        project,
        ServiceKind.AGGREGATOR,
        applicationId,
        project.getImages().aggregator(),
        env,
        List.of(AGGREGATOR_PORT),
        resources(project),
        Placement.ANYWHERE,
        true,
        1);
  }

  /** The aggregator of one cluster in hierarchical FL. */
  public ServiceSpec clusterAggregator(
      Project project, String applicationId, String cluster, int index, String rootAddress) {
    TrainingConfiguration training = project.getSla().trainingConfiguration();
    Map<String, String> env = aggregatorCommon(project);
    env.put("FLOPS_AGGREGATOR_ROLE", "cluster");
    env.put("FLOPS_AGGREGATOR_ROUNDS", String.valueOf(training.trainingRounds()));
    env.put(
        "FLOPS_AGGREGATOR_MIN_AVAILABLE_CLIENTS", String.valueOf(training.minAvailableClients()));
    env.put("FLOPS_AGGREGATOR_MIN_FIT_CLIENTS", String.valueOf(training.minFitClients()));
    env.put("FLOPS_AGGREGATOR_MIN_EVALUATE_CLIENTS", String.valueOf(training.minEvaluateClients()));
    env.put("FLOPS_AGGREGATOR_ROOT_ADDRESS", rootAddress);
    env.put("FLOPS_AGGREGATOR_CLUSTER", cluster);
    return new ServiceSpec(
        "cag" + project.getId() + "-" + index,
        ServiceKind.AGGREGATOR,
        applicationId,
        project.getId(),
        project.getImages().aggregator(),
        List.of(),
        env,
        List.of(AGGREGATOR_PORT),
        resources(project),
        Placement.ANYWHERE.inCluster(cluster),
        true,
        false,
        1);
  }

  /**
   * The {@code count} learners of a project (or of {@code cluster} in hierarchical FL, else null)
   * as one service with {@code count} instances, connecting to {@code aggregatorAddress}; the local
   * orchestrator puts instance {@code k} on simulated node {@code k}, with that node's data server.
   */
  public ServiceSpec learners(
      Project project, String applicationId, String aggregatorAddress, String cluster, int count) {
    String suffix = cluster == null ? "" : "-" + cluster;
    Map<String, String> env = common(project);
    env.put("FLOPS_LEARNER_AGGREGATOR_ADDRESS", aggregatorAddress);
    env.put(
        "FLOPS_LEARNER_DATA_TAGS",
        String.join(",", project.getSla().trainingConfiguration().dataTags()));
    env.put("FLOPS_LEARNER_NAME", "learner" + suffix);
    Placement placement = Placement.needs(LEARNER_ADDON);
    return new ServiceSpec(
        "flearner" + project.getId() + suffix,
        ServiceKind.LEARNER,
        applicationId,
        project.getId(),
        project.getImages().learner(),
        List.of(),
        env,
        List.of(),
        resources(project),
        cluster == null ? placement : placement.inCluster(cluster),
        true,
        false,
        count);
  }

  /**
   * The long-running, project-less data servers of {@code nodes} simulated learner nodes (instance
   * {@code k} serves node {@code k}).
   */
  public ServiceSpec simulatedDataServers(String applicationId, int nodes) {
    return new ServiceSpec(
        "dataserv",
        ServiceKind.DATA_SERVER,
        applicationId,
        null,
        images.getDataserver(),
        List.of(),
        Map.of(),
        List.of(DATA_SERVER_PORT, DATA_SERVER_HTTP_PORT),
        Resources.NONE,
        Placement.ANYWHERE,
        false,
        false,
        nodes);
  }

  /** The inference server of the trained model, in the customer's helper application. */
  public ServiceSpec inferenceServer(Project project, String applicationId) {
    return spec(
        "trmodel",
        project,
        ServiceKind.INFERENCE_SERVER,
        applicationId,
        project.getImages().trainedModel(),
        common(project),
        List.of(INFERENCE_PORT),
        Resources.NONE,
        Placement.ANYWHERE,
        false,
        1);
  }

  private ServiceSpec spec(
      String prefix,
      Project project,
      ServiceKind kind,
      String applicationId,
      String image,
      Map<String, String> env,
      List<Integer> ports,
      Resources resources,
      Placement placement,
      boolean oneShot,
      int instances) {
    return new ServiceSpec(
        prefix + project.getId(),
        kind,
        applicationId,
        project.getId(),
        image,
        List.of(),
        env,
        ports,
        resources,
        placement,
        oneShot,
        false,
        instances);
  }

  private Map<String, String> common(Project project) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLOPS_PROJECT_ID", project.getId());
    env.put("FLOPS_MQTT_URL", mqtt.publicUrl());
    if (mqtt.hasCredentials()) {
      env.put("FLOPS_MQTT_USERNAME", mqtt.username());
      env.put("FLOPS_MQTT_PASSWORD", mqtt.password());
    }
    env.put("FLOPS_VERBOSE", String.valueOf(project.getSla().verbose()));
    return env;
  }

  private Map<String, String> builderCommon(Project project) {
    Map<String, String> env = common(project);
    env.put(
        "FLOPS_BUILDER_PLATFORMS",
        project.getSla().supportedPlatforms().stream()
            .map(Platform::jsonName)
            .collect(Collectors.joining(",")));
    env.put("FLOPS_BUILDER_REGISTRY", flops.getRegistry());
    env.put("FLOPS_BUILDER_LOCAL_IMAGE_STORE", dataDir().resolve("images").toString());
    env.put(
        "FLOPS_BUILDER_BASE_IMAGE",
        flops.getRegistry().isBlank() ? "scratch" : images.getJreBase());
    env.put("FLOPS_BUILDER_CACHE_DIR", dataDir().resolve("builder-cache").toString());
    if (hostRuntimes) {
      images
          .learnerRuntime()
          .ifPresent(jar -> env.put("FLOPS_BUILDER_RUNTIME_LEARNER", jar.toString()));
      images
          .aggregatorRuntime()
          .ifPresent(jar -> env.put("FLOPS_BUILDER_RUNTIME_AGGREGATOR", jar.toString()));
      images
          .inferenceRuntime()
          .ifPresent(jar -> env.put("FLOPS_BUILDER_RUNTIME_INFERENCE", jar.toString()));
      images
          .mavenWrapper()
          .ifPresent(mvnw -> env.put("FLOPS_BUILDER_MAVEN_COMMAND", mvnw.toString()));
    }
    return env;
  }

  private Map<String, String> aggregatorCommon(Project project) {
    ProjectSla sla = project.getSla();
    TrainingConfiguration training = sla.trainingConfiguration();
    Map<String, String> env = common(project);
    env.put("FLOPS_AGGREGATOR_STRATEGY", training.strategy().jsonName());
    env.put("FLOPS_AGGREGATOR_ROUND_TIMEOUT", training.roundTimeout().toString());
    env.put("FLOPS_AGGREGATOR_LOCAL_EPOCHS", String.valueOf(training.localEpochs()));
    env.put("FLOPS_TRACKING_URI", project.getTrackingUri());
    env.putAll(tracking.credentialsEnvironment());
    env.put("FLOPS_CUSTOMER_ID", project.getCustomerId());
    env.put("FLOPS_REPO_URL", sla.mlRepoUrl());
    env.put("FLOPS_REPO_COMMIT", project.getImages().commit());
    return env;
  }

  private static Resources resources(Project project) {
    ResourceConstraints limits = project.getSla().resourceConstraints();
    return new Resources(limits.memory(), limits.vcpus(), limits.storage());
  }

  private java.nio.file.Path dataDir() {
    return flops.getDataDir().toAbsolutePath().normalize();
  }
}
