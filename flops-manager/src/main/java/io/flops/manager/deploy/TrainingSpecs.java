package io.flops.manager.deploy;

import io.flops.common.launch.AggregatorLaunch;
import io.flops.common.launch.AggregatorLaunch.Experiment;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.launch.AggregatorLaunch.Training;
import io.flops.common.launch.LearnerLaunch;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.sla.TrainingConfiguration;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.project.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The aggregators and learners of a project, per the SLA's training configuration. */
final class TrainingSpecs {

  private final ProjectLaunches launches;
  private final ParticipantCertificates certificates;
  private final DataServerTokens dataTokens;
  private final NodeDirectory nodes;
  private final TrainingCheckpoints checkpoints;

  TrainingSpecs(
      ProjectLaunches launches,
      ParticipantCertificates certificates,
      DataServerTokens dataTokens,
      NodeDirectory nodes,
      TrainingCheckpoints checkpoints) {
    this.launches = launches;
    this.certificates = certificates;
    this.dataTokens = dataTokens;
    this.nodes = nodes;
    this.checkpoints = checkpoints;
  }

  /**
   * A classic aggregator, or the root over {@code clusters} cluster aggregators; both keep a
   * checkpoint where the platform can give them the project's {@link TrainingCheckpoints}.
   */
  ServiceSpec aggregator(Project project, String applicationId, boolean root, int clusters) {
    TrainingConfiguration sla = project.getSla().trainingConfiguration();
    Training training =
        root
            ? training(sla, sla.trainingCycles(), clusters, clusters, clusters)
            : training(
                sla,
                sla.trainingRounds(),
                sla.minAvailableClients(),
                sla.minFitClients(),
                sla.minEvaluateClients());
    Optional<TrainingCheckpoints.Place> checkpoint = checkpoints.of(project);
    AggregatorLaunch launch =
        launch(
            project,
            root ? Role.ROOT : Role.CLASSIC,
            training,
            "",
            "",
            checkpoint.map(TrainingCheckpoints.Place::directory).orElse(""));
    List<Path> directories = new ArrayList<>(ProjectLaunches.trackingDirectories(project));
    checkpoint.flatMap(TrainingCheckpoints.Place::hostDirectory).ifPresent(directories::add);
    return aggregatorSpec(
            (root ? "raggr" : "aggr") + project.getId(),
            project,
            applicationId,
            launch,
            directories)
        .volumes(checkpoint.flatMap(TrainingCheckpoints.Place::volume).stream().toList())
        .build();
  }

  /**
   * The aggregator of {@code cluster} (the {@code index}-th) under the root at {@code rootAddress}.
   */
  ServiceSpec clusterAggregator(
      Project project, String applicationId, String cluster, int index, String rootAddress) {
    TrainingConfiguration sla = project.getSla().trainingConfiguration();
    Training training =
        training(
            sla,
            sla.trainingRounds(),
            sla.minAvailableClients(),
            sla.minFitClients(),
            sla.minEvaluateClients());
    AggregatorLaunch launch = launch(project, Role.CLUSTER, training, rootAddress, cluster, "");
    return aggregatorSpec(
            ServiceNames.clusterAggregator(project, index),
            project,
            applicationId,
            launch,
            ProjectLaunches.trackingDirectories(project))
        .placement(Placement.ANYWHERE.inCluster(cluster))
        .build();
  }

  /**
   * The {@code count} learners of a project (or of {@code cluster}, else null) as one service,
   * connecting to {@code aggregatorAddress}: instance {@code k} on the {@code k}-th known node with
   * its data server ({@link NodeDirectory#learnerPlacements}).
   */
  ServiceSpec learners(
      Project project,
      String applicationId,
      String aggregatorAddress,
      ClusterSlot slot,
      int count) {
    String cluster = slot == null ? null : slot.name();
    String suffix = cluster == null ? "" : "-" + cluster;
    LearnerLaunch launch =
        new LearnerLaunch(
            launches.service(project),
            aggregatorAddress,
            project.getSla().trainingConfiguration().dataTags(),
            LearnerLaunch.DEFAULT_NAME + suffix,
            null,
            null,
            certificates.issue(project.getId(), "learner" + suffix),
            dataTokens.reader());
    Placement placement = Placement.needs(ServiceSpecs.LEARNER_ADDON);
    return ServiceSpec.builder(
            ServiceNames.learners(project, slot), ServiceKind.LEARNER, applicationId)
        .project(project.getId())
        .image(project.getImages().learner())
        .environment(launch.toEnvironment())
        .resources(ProjectLaunches.resources(project))
        .placement(cluster == null ? placement : placement.inCluster(cluster))
        .oneShot()
        .instancePlacements(nodes.learnerPlacements(cluster, count))
        .instances(count)
        .build();
  }

  private static Training training(
      TrainingConfiguration sla, int rounds, int available, int fit, int evaluate) {
    return new Training(
        rounds, available, fit, evaluate, sla.strategy(), sla.roundTimeout(), sla.localEpochs());
  }

  private AggregatorLaunch launch(
      Project project,
      Role role,
      Training training,
      String rootAddress,
      String cluster,
      String checkpointDir) {
    return new AggregatorLaunch(
        launches.service(project),
        role,
        training,
        rootAddress,
        cluster,
        launches.tracking(project),
        new Experiment(
            project.getCustomerId(), project.getSla().mlRepoUrl(), project.getImages().commit()),
        checkpointDir,
        certificates.issue(
            project.getId(), role == Role.CLUSTER ? "aggregator-" + cluster : role.envValue()));
  }

  private static ServiceSpec.Builder aggregatorSpec(
      String name,
      Project project,
      String applicationId,
      AggregatorLaunch launch,
      List<Path> hostDirectories) {
    return ServiceSpec.builder(name, ServiceKind.AGGREGATOR, applicationId)
        .project(project.getId())
        .image(project.getImages().aggregator())
        .environment(launch.toEnvironment())
        .ports(AggregatorLaunch.PORT)
        .resources(ProjectLaunches.resources(project))
        .hostDirectories(hostDirectories)
        .oneShot();
  }
}
