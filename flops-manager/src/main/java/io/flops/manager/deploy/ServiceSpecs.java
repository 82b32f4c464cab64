package io.flops.manager.deploy;

import io.flops.common.launch.AggregatorLaunch;
import io.flops.common.launch.DataServerLaunch;
import io.flops.common.launch.InferenceLaunch;
import io.flops.common.launch.LaunchWriter;
import io.flops.common.launch.ObserverLaunch;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.orchestration.InstancePlacement;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.nodes.DataServerCertificates;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.project.Project;
import java.util.List;

/**
 * The {@link ServiceSpec}s of a project's services, per the runtime contract of {@code
 * docs/services.md}: images, ports, placement, and the environment written by each service's launch
 * record ({@code io.flops.common.launch}). Builders are specified by {@link BuilderSpecs},
 * aggregators and learners by {@link TrainingSpecs}.
 */
public class ServiceSpecs {

  /** Container port of aggregators. */
  public static final int AGGREGATOR_PORT = AggregatorLaunch.PORT;

  /** Container port of the observer. */
  public static final int OBSERVER_PORT = ObserverLaunch.PORT;

  /** Arrow Flight port of data servers. */
  public static final int DATA_SERVER_PORT = DataServerLaunch.FLIGHT_PORT;

  /** HTTP health and metrics port of data servers. */
  public static final int DATA_SERVER_HTTP_PORT = DataServerLaunch.HTTP_PORT;

  /** Container port of inference servers. */
  public static final int INFERENCE_PORT = InferenceLaunch.PORT;

  /** Worker add-on learners need. */
  public static final String LEARNER_ADDON = "FLOps-learner";

  /** Worker add-on builders need. */
  public static final String BUILDER_ADDON = "image-builder";

  private final ImagesProperties images;
  private final Locality locality;
  private final ServiceLaunches services;
  private final DataServerTokens dataTokens;
  private final DataServerCertificates dataCertificates;
  private final ProjectLaunches launches;
  private final BuilderSpecs builders;
  private final TrainingSpecs training;
  private final WebServers web;

  /**
   * @param locality where the platform runs services: builders on this host get the runtime jars
   *     found here and share its image store and cache; in containers they use their image's
   * @param services the broker, credential and event key of each project's services
   * @param certificates the TLS identities of aggregators and learners
   * @param dataTokens what the data servers and learners are given
   * @param dataCertificates the TLS identities of the data servers
   * @param nodes the learner nodes, where learners are placed
   * @param checkpoints where aggregators keep their checkpoints
   * @param web the HTTPS certificates and the inference token of observers and inference servers
   */
  public ServiceSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      TrackingProperties tracking,
      ServiceLaunches services,
      ParticipantCertificates certificates,
      DataServerTokens dataTokens,
      DataServerCertificates dataCertificates,
      Locality locality,
      NodeDirectory nodes,
      TrainingCheckpoints checkpoints,
      WebServers web) {
    this.images = images;
    this.locality = locality;
    this.services = services;
    this.dataTokens = dataTokens;
    this.dataCertificates = dataCertificates;
    this.launches = new ProjectLaunches(services, tracking, locality);
    this.builders = new BuilderSpecs(flops, images, launches, locality);
    this.training = new TrainingSpecs(launches, certificates, dataTokens, nodes, checkpoints);
    this.web = web;
  }

  /** Specs whose observers and inference servers speak plain HTTP, predictions open to all. */
  public ServiceSpecs(
      FlopsProperties flops,
      ImagesProperties images,
      TrackingProperties tracking,
      ServiceLaunches services,
      ParticipantCertificates certificates,
      DataServerTokens dataTokens,
      DataServerCertificates dataCertificates,
      Locality locality,
      NodeDirectory nodes,
      TrainingCheckpoints checkpoints) {
    this(
        flops,
        images,
        tracking,
        services,
        certificates,
        dataTokens,
        dataCertificates,
        locality,
        nodes,
        checkpoints,
        WebServers.plain(services));
  }

  /** How the project's observer and inference server are protected. */
  public WebServers webServers() {
    return web;
  }

  /** Withdraws the broker credential of the project's services (nothing of it runs any more). */
  public void revokeServiceCredentials(Project project) {
    services.revoke(project.getId());
  }

  /** The project's observer, in the customer's observatory; the platform gives it storage. */
  public ServiceSpec observer(Project project, String applicationId) {
    String trackingUri = project.getTrackingUri();
    ObserverLaunch launch =
        new ObserverLaunch(
            launches.service(project),
            null,
            trackingUri != null && trackingUri.startsWith("http") ? trackingUri : "",
            launches.observerReadToken(project),
            web.identity(project.getId(), "observer"));
    return ServiceSpec.builder(
            "observ" + project.getId(), ServiceKind.PROJECT_OBSERVER, applicationId)
        .project(project.getId())
        .image(images.getObserver())
        .environment(launch.toEnvironment())
        .ports(OBSERVER_PORT)
        .storage(ObserverLaunch.Variable.STORAGE_DIR.envName())
        .build();
  }

  /** The builder of the learner and aggregator images. */
  public ServiceSpec flActorsBuilder(
      Project project, String applicationId, String commit, String credential) {
    return builders.flActors(project, applicationId, commit, credential);
  }

  /** The builder of the trained model's inference image. */
  public ServiceSpec trainedModelBuilder(
      Project project, String applicationId, String runId, String modelUri) {
    return builders.trainedModel(project, applicationId, runId, modelUri);
  }

  /** A classic or root aggregator. */
  public ServiceSpec aggregator(Project project, String applicationId, boolean root, int clusters) {
    return training.aggregator(project, applicationId, root, clusters);
  }

  /** The aggregator of one cluster in hierarchical FL. */
  public ServiceSpec clusterAggregator(
      Project project, String applicationId, String cluster, int index, String rootAddress) {
    return training.clusterAggregator(project, applicationId, cluster, index, rootAddress);
  }

  /**
   * The {@code count} learners of a project (or of {@code cluster} in hierarchical FL, else null)
   * as one service with {@code count} instances, connecting to {@code aggregatorAddress}; the local
   * orchestrator puts instance {@code k} on simulated node {@code k}, with that node's data server.
   */
  public ServiceSpec learners(
      Project project,
      String applicationId,
      String aggregatorAddress,
      ClusterSlot cluster,
      int count) {
    return training.learners(project, applicationId, aggregatorAddress, cluster, count);
  }

  /**
   * The long-running, project-less data servers of simulated learner nodes, instance {@code k} on
   * the node of {@code placements.get(k)}; the platform gives each its storage. They share one
   * fresh certificate (their clients check the name all data servers carry, not an address).
   */
  public ServiceSpec simulatedDataServers(
      String applicationId, List<InstancePlacement> placements) {
    return ServiceSpec.builder("dataserv", ServiceKind.DATA_SERVER, applicationId)
        .image(images.getDataserver())
        .ports(DATA_SERVER_PORT, DATA_SERVER_HTTP_PORT)
        .environment(
            new LaunchWriter()
                .put(ServiceLaunch.Variable.BIND_HOST, locality.bindHost())
                .putAll(
                    new DataServerLaunch(
                            null, dataTokens.reader(), dataTokens.writer(), dataTokens.admin())
                        .toEnvironment())
                .putAll(dataCertificates.issue().toEnvironment())
                .toMap())
        .instancePlacements(placements)
        .storage(DataServerLaunch.Variable.STORAGE_DIR.envName())
        .build();
  }

  /**
   * The inference server of the trained model, in the customer's helper application; the model
   * directory is in the image's environment ({@link InferenceLaunch}, written by the builder), the
   * token and the certificate are added here when configured.
   */
  public ServiceSpec inferenceServer(Project project, String applicationId) {
    InferenceLaunch access =
        InferenceLaunch.access(
            web.inferenceToken(project.getId()).orElse(""),
            web.identity(project.getId(), "inference"));
    return ServiceSpec.builder(
            "trmodel" + project.getId(), ServiceKind.INFERENCE_SERVER, applicationId)
        .project(project.getId())
        .image(project.getImages().trainedModel())
        .environment(
            new LaunchWriter()
                .putAll(launches.service(project).toEnvironment())
                .putAll(access.toEnvironment())
                .toMap())
        .ports(INFERENCE_PORT)
        .build();
  }
}
