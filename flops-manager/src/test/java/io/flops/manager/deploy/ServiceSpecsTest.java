package io.flops.manager.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.fl.FlAccess;
import io.flops.common.launch.AggregatorLaunch;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.launch.BuildRuntimes;
import io.flops.common.launch.BuilderLaunch;
import io.flops.common.launch.DataServerLaunch;
import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.launch.ImageOutput;
import io.flops.common.launch.InferenceLaunch;
import io.flops.common.launch.LaunchVariable;
import io.flops.common.launch.LearnerLaunch;
import io.flops.common.launch.ObserverLaunch;
import io.flops.common.launch.ServiceLaunch;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.launch.TrackingLaunch;
import io.flops.common.orchestration.InstancePlacement;
import io.flops.common.orchestration.Locality;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.common.orchestration.Volume;
import io.flops.common.sla.ModelFlavor;
import io.flops.common.sla.Platform;
import io.flops.common.sla.SlaJson;
import io.flops.common.sla.Strategy;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.ImagesProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.BrokerIdentities;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.nodes.DataServerCertificates;
import io.flops.manager.nodes.DataServerTokens;
import io.flops.manager.nodes.LearnerNode;
import io.flops.manager.nodes.NodeDirectory;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectImages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager writes each service's launch record, and the service reads back what was meant. */
class ServiceSpecsTest {

  @TempDir Path dataDir;

  private final TrackingProperties tracking = new TrackingProperties();
  private final FlopsProperties flops = new FlopsProperties();
  private final ImagesProperties images = new ImagesProperties();
  private final MqttEndpoint mqtt =
      new MqttEndpoint("tcp://127.0.0.1:1883", "tcp://10.0.0.1:9027", "flops", "mqtt-pw");

  private final NodeDirectory nodes = new NodeDirectory();
  private final EventKeys keys = new EventKeys(new byte[32]);
  private final BrokerIdentities identities = new BrokerIdentities(keys);
  private final ParticipantAuthority authority = ParticipantAuthority.inMemory();

  /** Specs for a platform of local processes (true) or of remote workers (false). */
  private ServiceSpecs specs(boolean hostProcesses) {
    return specs(hostProcesses, false);
  }

  /** Specs for local processes or remote workers, whose platform keeps volumes or not. */
  private ServiceSpecs specs(boolean hostProcesses, boolean volumes) {
    flops.setDataDir(dataDir);
    tracking.setToken("tracking-token");
    return new ServiceSpecs(
        flops,
        images,
        tracking,
        new ServiceLaunches(mqtt, identities, keys),
        authority::issue,
        new DataServerTokens("reader-t", "writer-t", "admin-t"),
        DataServerCertificates.of(authority),
        hostProcesses ? Locality.HOST_PROCESSES : Locality.CLUSTER,
        nodes,
        new TrainingCheckpoints(
            dataDir, hostProcesses ? Locality.HOST_PROCESSES : Locality.CLUSTER, volumes));
  }

  private static Project project(String trainingJson) {
    String sla =
        """
        {"customerID": "acme", "verbose": true, "ml_model_flavor": "dl4j",
         "ml_repo_url": "https://host/group/repo.git",
         "supported_platforms": ["linux/amd64", "linux/arm64"],
         "training_configuration": %s}
        """
            .formatted(trainingJson);
    Project project =
        Project.accept(
            "p1", SlaJson.readProject(sla.getBytes(StandardCharsets.UTF_8)), Instant.EPOCH);
    project.setTrackingUri("http://mlflow:7027");
    project.setImages(
        new ProjectImages(
            "abc123",
            "reg/learner:abc123",
            "reg/aggr:abc123",
            false,
            "reg/acme/trained_model:run-1"));
    return project;
  }

  private static final Project CLASSIC =
      project(
          """
          {"data_tags": ["mnist", "extra"], "training_rounds": 5, "min_available_clients": 3,
           "min_fit_clients": 2, "min_evaluate_clients": 2, "strategy": "fedyogi",
           "round_timeout": "90s", "local_epochs": 2, "training_cycles": 4}
          """);

  @Test
  void aClassicAggregatorGetsTheTrainingConfigurationTrackingAndExperimentTags() {
    AggregatorLaunch launch =
        AggregatorLaunch.fromEnvironment(
            specs(false).aggregator(CLASSIC, "app", false, 1).environment());

    assertThat(launch.service())
        .isEqualTo(
            new ServiceLaunch(
                "p1",
                "tcp://10.0.0.1:9027",
                "flops-svc-p1",
                identities.of("p1").password(),
                true,
                keys.keyOf("p1")));
    assertThat(launch.service().mqttPassword()).isNotEqualTo(mqtt.password());
    assertThat(launch.role()).isEqualTo(Role.CLASSIC);
    assertThat(launch.training())
        .isEqualTo(
            new AggregatorLaunch.Training(5, 3, 2, 2, Strategy.FEDYOGI, Duration.ofSeconds(90), 2));
    assertThat(launch.tracking())
        .isEqualTo(new TrackingLaunch("http://mlflow:7027", "tracking-token", "", ""));
    assertThat(launch.experiment())
        .isEqualTo(
            new AggregatorLaunch.Experiment("acme", "https://host/group/repo.git", "abc123"));
  }

  @Test
  void theRootCountsCyclesAndClustersAndAClusterAggregatorKnowsItsRoot() {
    ServiceSpecs specs = specs(false);
    AggregatorLaunch root =
        AggregatorLaunch.fromEnvironment(specs.aggregator(CLASSIC, "app", true, 2).environment());
    AggregatorLaunch cluster =
        AggregatorLaunch.fromEnvironment(
            specs.clusterAggregator(CLASSIC, "app", "eu", 1, "root:8080").environment());

    assertThat(root.role()).isEqualTo(Role.ROOT);
    assertThat(root.training().rounds()).isEqualTo(4);
    assertThat(root.training().minAvailableClients()).isEqualTo(2);
    assertThat(root.training().minFitClients()).isEqualTo(2);
    assertThat(cluster.role()).isEqualTo(Role.CLUSTER);
    assertThat(cluster.training().rounds()).isEqualTo(5);
    assertThat(cluster.rootAddress()).isEqualTo("root:8080");
    assertThat(cluster.cluster()).isEqualTo("eu");
  }

  @Test
  void learnersLeaveTheirDataServerAndInstanceToTheOrchestrator() {
    ServiceSpec spec =
        specs(false).learners(CLASSIC, "app", "aggr:8080", new ClusterSlot("eu", 1), 3);
    LearnerLaunch launch = LearnerLaunch.fromEnvironment(spec.environment());

    assertThat(spec.instances()).isEqualTo(3);
    assertThat(launch.aggregatorAddress()).isEqualTo("aggr:8080");
    assertThat(launch.dataTags()).containsExactly("mnist", "extra");
    assertThat(launch.name()).isEqualTo("learner-eu");
    assertThat(launch.dataServer()).isNull();
    assertThat(launch.instance()).isNull();
  }

  @Test
  void learnersRunOnTheKnownNodesOfTheirClusterEachWithItsNodesDataServer() {
    nodes.register(
        List.of(
            new LearnerNode("eu", "0", "10.0.0.1:11027", "10.0.0.1:11027", "10.0.0.1:11028"),
            new LearnerNode("us", "1", "10.0.0.2:11027", "10.0.0.2:11027", "10.0.0.2:11028"),
            new LearnerNode("eu", "2", "10.0.0.3:11027", "10.0.0.3:11027", "10.0.0.3:11028")));

    ServiceSpec spec =
        specs(true).learners(CLASSIC, "app", "aggr:8080", new ClusterSlot("eu", 1), 3);

    assertThat(spec.instances()).isEqualTo(3);
    assertThat(spec.instancePlacements())
        .extracting(InstancePlacement::node)
        .containsExactly("0", "2", "0");
    assertThat(spec.placementOf(1).environment())
        .containsEntry(LearnerLaunch.Variable.DATA_SERVER.envName(), "10.0.0.3:11027");
    assertThat(specs(true).learners(CLASSIC, "app", "aggr:8080", null, 2).instancePlacements())
        .extracting(InstancePlacement::node)
        .containsExactly("0", "1");
  }

  @Test
  void everyServiceNameIsOneOakestraAccepts() {
    ServiceSpecs specs = specs(false);
    String longCluster = "edge-cluster-in-the-north-of-town";
    List<ServiceSpec> all =
        List.of(
            specs.observer(CLASSIC, "app"),
            specs.flActorsBuilder(CLASSIC, "app", "abc123", null),
            specs.trainedModelBuilder(CLASSIC, "app", "run-1", null),
            specs.aggregator(CLASSIC, "app", true, 12),
            specs.clusterAggregator(CLASSIC, "app", longCluster, 12, "root:8080"),
            specs.learners(CLASSIC, "app", "aggr:8080", new ClusterSlot(longCluster, 12), 2),
            specs.learners(CLASSIC, "app", "aggr:8080", null, 2),
            specs.inferenceServer(CLASSIC, "app"));
    assertThat(all)
        .extracting(ServiceSpec::name)
        .allSatisfy(name -> assertThat(name).matches("[a-zA-Z0-9]{1,30}"))
        .doesNotHaveDuplicates();
    assertThatThrownBy(
            () ->
                ServiceSpec.builder("cag" + CLASSIC.getId() + "-1", ServiceKind.AGGREGATOR, "a")
                    .image("image:1")
                    .build())
        .as("the spec itself refuses a name Oakestra would answer with HTTP 400")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Oakestra");
  }

  @Test
  void onlyServicesOnThisHostGetItsDirectories() {
    assertThat(specs(true).flActorsBuilder(CLASSIC, "app", "abc123", null).hostDirectories())
        .containsExactly(dataDir.resolve("images"), dataDir.resolve("builder-cache"));
    assertThat(specs(false).flActorsBuilder(CLASSIC, "app", "abc123", null).hostDirectories())
        .isEmpty();
    Project fileStore = project("{\"data_tags\": [\"mnist\"]}");
    fileStore.setTrackingUri("file:/data/mlruns");
    fileStore.setImages(CLASSIC.getImages());
    assertThat(specs(false).aggregator(fileStore, "app", false, 1).hostDirectories())
        .containsExactly(Path.of("/data/mlruns"));
  }

  @Test
  void aggregatorsOnThisHostKeepCheckpointsInTheDataDirectoryClusterAggregatorsAndRemoteOnesNone() {
    ServiceSpec local = specs(true).aggregator(CLASSIC, "app", false, 1);
    Path checkpoints = dataDir.resolve("checkpoints").resolve(CLASSIC.getId());
    assertThat(AggregatorLaunch.fromEnvironment(local.environment()).checkpointDir())
        .isEqualTo(checkpoints.toString());
    assertThat(local.hostDirectories()).contains(checkpoints);
    assertThat(
            AggregatorLaunch.fromEnvironment(
                    specs(true).aggregator(CLASSIC, "app", true, 2).environment())
                .checkpointDir())
        .isEqualTo(checkpoints.toString());
    assertThat(
            AggregatorLaunch.fromEnvironment(
                    specs(true)
                        .clusterAggregator(CLASSIC, "app", "eu", 1, "root:8080")
                        .environment())
                .checkpointDir())
        .isEmpty();
    assertThat(
            AggregatorLaunch.fromEnvironment(
                    specs(false).aggregator(CLASSIC, "app", false, 1).environment())
                .checkpointDir())
        .isEmpty();
  }

  @Test
  void remoteAggregatorsKeepCheckpointsOnAVolumeOfTheProjectWhereThePlatformKeepsVolumes() {
    ServiceSpec classic = specs(false, true).aggregator(CLASSIC, "app", false, 1);
    ServiceSpec root = specs(false, true).aggregator(CLASSIC, "app", true, 2);
    ServiceSpec cluster =
        specs(false, true).clusterAggregator(CLASSIC, "app", "eu", 1, "root:8080");

    Volume volume = new Volume("flops-checkpoint-" + CLASSIC.getId(), "/var/lib/flops/checkpoint");
    assertThat(classic.volumes()).containsExactly(volume);
    assertThat(root.volumes()).containsExactly(volume);
    assertThat(AggregatorLaunch.fromEnvironment(classic.environment()).checkpointDir())
        .isEqualTo("/var/lib/flops/checkpoint");
    assertThat(classic.hostDirectories()).noneMatch(d -> d.startsWith(dataDir));
    assertThat(cluster.volumes()).isEmpty();
    assertThat(specs(true, true).aggregator(CLASSIC, "app", false, 1).volumes()).isEmpty();
  }

  @Test
  void anActorsBuilderOnTheLocalStoreBuildsFromScratchWithTheHostsRuntimes() throws Exception {
    Path jar = Files.createFile(dataDir.resolve("learner-exec.jar"));
    images.setLearnerRuntimeJar(jar);
    BuilderLaunch launch =
        BuilderLaunch.fromEnvironment(
            specs(true).flActorsBuilder(CLASSIC, "app", "abc123", "secret").environment());

    assertThat(launch.plan()).isEqualTo(BuildPlan.FL_ACTORS);
    assertThat(launch.sources())
        .isEqualTo(
            BuilderLaunch.BuildSources.repository(
                "https://host/group/repo.git", "abc123", "secret", ModelFlavor.DL4J));
    assertThat(launch.output())
        .isEqualTo(
            new ImageOutput(
                List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64),
                "",
                false,
                dataDir.resolve("images"),
                "scratch",
                dataDir.resolve("builder-cache")));
    assertThat(launch.runtimes().learner()).isEqualTo(jar);
  }

  @Test
  void aTrainedModelBuilderInAContainerUsesItsImagesRuntimes() {
    flops.setRegistry("reg:5000");
    Map<String, String> environment =
        specs(false).trainedModelBuilder(CLASSIC, "app", "run-1", null).environment();
    BuilderLaunch launch = BuilderLaunch.fromEnvironment(environment);

    assertThat(launch.plan()).isEqualTo(BuildPlan.TRAINED_MODEL);
    assertThat(launch.sources().customerId()).isEqualTo("acme");
    assertThat(launch.sources().runId()).isEqualTo("run-1");
    assertThat(launch.sources().modelUri()).isEmpty();
    assertThat(launch.sources().tracking().token()).isEqualTo("tracking-token");
    assertThat(launch.output().baseImage()).isEqualTo(images.getJreBase());
    assertThat(launch.runtimes()).isEqualTo(BuildRuntimes.DEFAULTS);
    assertThat(environment).doesNotContainKey(BuilderLaunch.Variable.RUNTIME_INFERENCE.envName());
  }

  @Test
  void theObserverLinksOnlyATrackingServer() {
    ServiceSpecs specs = specs(false);
    ObserverLaunch withServer =
        ObserverLaunch.fromEnvironment(specs.observer(CLASSIC, "app").environment());
    Project fileStore = project("{\"data_tags\": [\"mnist\"]}");
    fileStore.setTrackingUri("file:/data/mlruns");
    ObserverLaunch withFileStore =
        ObserverLaunch.fromEnvironment(specs.observer(fileStore, "app").environment());

    assertThat(specs.observer(CLASSIC, "app").storageVariable())
        .as("the platform gives the observer its storage")
        .isEqualTo(ObserverLaunch.Variable.STORAGE_DIR.envName());
    assertThat(withServer.trackingUrl()).isEqualTo("http://mlflow:7027");
    assertThat(withFileStore.trackingUrl()).isEmpty();
  }

  @Test
  void aggregatorsAndLearnersEachGetTheirOwnCertificateOfTheProjectAndNobodyElseGetsOne()
      throws Exception {
    ServiceSpecs specs = specs(false);
    TlsLaunch aggregator =
        AggregatorLaunch.fromEnvironment(specs.aggregator(CLASSIC, "app", false, 1).environment())
            .tls();
    TlsLaunch learners =
        LearnerLaunch.fromEnvironment(
                specs.learners(CLASSIC, "app", "aggr:8080", null, 2).environment())
            .tls();

    assertThat(aggregator.isEnabled()).isTrue();
    assertThat(learners.isEnabled()).isTrue();
    assertThat(learners.privateKeyPem()).isNotEqualTo(aggregator.privateKeyPem());
    for (TlsLaunch tls : List.of(aggregator, learners)) {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(
                          tls.certificatePem().getBytes(StandardCharsets.US_ASCII)));
      assertThat(certificate.getSubjectAlternativeNames())
          .extracting(name -> (Object) name.get(1))
          .containsExactly(FlAccess.authority("p1"));
      certificate.verify(
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(
                      authority.certificatePem().getBytes(StandardCharsets.US_ASCII)))
              .getPublicKey());
    }
    assertThat(specs.observer(CLASSIC, "app").environment())
        .doesNotContainKey("FLOPS_TLS_PRIVATE_KEY");
    assertThat(specs.inferenceServer(CLASSIC, "app").environment())
        .doesNotContainKey("FLOPS_TLS_PRIVATE_KEY");
  }

  @Test
  void dataServersServeTlsWithACertificateOfTheAuthorityThatLearnersTrust() throws Exception {
    ServiceSpecs specs = specs(true);
    DataServerTlsLaunch dataServer =
        DataServerTlsLaunch.fromEnvironment(
            specs
                .simulatedDataServers("app", List.of(new InstancePlacement("c1", "0", Map.of())))
                .environment());
    TlsLaunch learner =
        LearnerLaunch.fromEnvironment(
                specs.learners(CLASSIC, "app", "aggr:8080", null, 2).environment())
            .tls();

    assertThat(dataServer.isEnabled()).isTrue();
    X509Certificate certificate = certificate(dataServer.certificatePem());
    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(name -> (Object) name.get(1))
        .containsExactly(DataServerTlsLaunch.SERVER_NAME);
    certificate.verify(certificate(learner.caPem()).getPublicKey());
    assertThat(learner.caPem()).isEqualTo(authority.certificatePem());
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void dataServersGetTheirTokensLearnersTheReaderTokenAndNobodyElseAny() {
    ServiceSpecs specs = specs(true);
    DataServerLaunch dataServer =
        DataServerLaunch.fromEnvironment(
            specs
                .simulatedDataServers("app", List.of(new InstancePlacement("c1", "0", Map.of())))
                .environment());
    LearnerLaunch learner =
        LearnerLaunch.fromEnvironment(
            specs.learners(CLASSIC, "app", "aggr:8080", null, 2).environment());

    assertThat(List.of(dataServer.readerToken(), dataServer.writerToken(), dataServer.adminToken()))
        .containsExactly("reader-t", "writer-t", "admin-t");
    assertThat(learner.dataToken()).isEqualTo("reader-t");
    for (ServiceSpec other :
        List.of(
            specs.observer(CLASSIC, "app"),
            specs.aggregator(CLASSIC, "app", false, 1),
            specs.flActorsBuilder(CLASSIC, "app", "abc123", null),
            specs.inferenceServer(CLASSIC, "app"))) {
      assertThat(other.environment().values())
          .as(other.name())
          .doesNotContain("reader-t", "writer-t", "admin-t");
    }
  }

  @Test
  void everyVariableTheManagerWritesIsDeclaredByALaunchRecordAndSet() {
    ServiceSpecs specs = specs(true);
    List<ServiceSpec> all =
        List.of(
            specs.observer(CLASSIC, "app"),
            specs.flActorsBuilder(CLASSIC, "app", "abc123", null),
            specs.trainedModelBuilder(CLASSIC, "app", "run-1", "runs:/run-1/model"),
            specs.aggregator(CLASSIC, "app", false, 1),
            specs.clusterAggregator(CLASSIC, "app", "eu", 1, "root:8080"),
            specs.learners(CLASSIC, "app", "aggr:8080", null, 2),
            specs.simulatedDataServers(
                "app",
                List.of(
                    new InstancePlacement("c1", "0", Map.of()),
                    new InstancePlacement("c2", "1", Map.of()))),
            specs.inferenceServer(CLASSIC, "app"));
    List<String> declared =
        Stream.of(
                ServiceLaunch.variables(),
                TrackingLaunch.variables(),
                BuilderLaunch.variables(),
                AggregatorLaunch.variables(),
                LearnerLaunch.variables(),
                TlsLaunch.variables(),
                DataServerLaunch.variables(),
                DataServerTlsLaunch.variables(),
                ObserverLaunch.variables(),
                InferenceLaunch.variables())
            .flatMap(List::stream)
            .map(LaunchVariable::envName)
            .toList();

    for (ServiceSpec spec : all) {
      assertThat(spec.environment().keySet()).as(spec.name()).isSubsetOf(declared);
      assertThat(spec.environment().values()).as(spec.name()).noneMatch(String::isBlank);
    }
  }
}
