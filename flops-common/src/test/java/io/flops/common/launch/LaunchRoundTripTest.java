package io.flops.common.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.launch.AggregatorLaunch.Experiment;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.common.launch.AggregatorLaunch.Training;
import io.flops.common.launch.BuilderLaunch.BuildSources;
import io.flops.common.sla.ModelFlavor;
import io.flops.common.sla.Partitioner;
import io.flops.common.sla.Platform;
import io.flops.common.sla.Strategy;
import io.flops.common.tls.ParticipantAuthority;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every launch record reads back from the environment it writes. */
class LaunchRoundTripTest {

  static final ServiceLaunch SERVICE =
      new ServiceLaunch(
          "p1",
          "tcp://10.0.0.1:9027",
          "flops",
          "s3cret",
          true,
          "c2VjcmV0LWV2ZW50LWtleS0xMjM0NTY",
          "127.0.0.1");
  static final TrackingLaunch TRACKING =
      new TrackingLaunch("http://mlflow:7027", "token", "ada", "pw");

  static final TlsLaunch WEB_TLS =
      new TlsLaunch("-----BEGIN CERTIFICATE-----\n", "-----BEGIN PRIVATE KEY-----\n", "ca");

  static Stream<Arguments> records() {
    return Stream.of(
        trip(SERVICE, ServiceLaunch::toEnvironment, ServiceLaunch::fromEnvironment),
        trip(
            new ServiceLaunch("p2", "", "", "", false),
            ServiceLaunch::toEnvironment,
            ServiceLaunch::fromEnvironment),
        trip(TRACKING, TrackingLaunch::toEnvironment, TrackingLaunch::fromEnvironment),
        trip(TrackingLaunch.NONE, TrackingLaunch::toEnvironment, TrackingLaunch::fromEnvironment),
        trip(
            new AggregatorLaunch(
                SERVICE,
                Role.CLUSTER,
                new Training(4, 3, 2, 2, Strategy.FEDTRIMMEDAVG, Duration.ofSeconds(90), 2),
                "root:8080",
                "cluster-a",
                TRACKING,
                new Experiment("acme", "https://host/o/r.git", "abc123"),
                "/data/checkpoints/p1"),
            AggregatorLaunch::toEnvironment,
            AggregatorLaunch::fromEnvironment),
        trip(
            new AggregatorLaunch(
                SERVICE,
                Role.CLASSIC,
                Training.DEFAULTS,
                "",
                "",
                TrackingLaunch.NONE,
                new Experiment("", "", "")),
            AggregatorLaunch::toEnvironment,
            AggregatorLaunch::fromEnvironment),
        trip(
            new LearnerLaunch(
                SERVICE, "aggr:8080", List.of("mnist", "extra"), "learner-a", "127.0.0.1:41000", 3),
            LearnerLaunch::toEnvironment,
            LearnerLaunch::fromEnvironment),
        trip(
            new LearnerLaunch(SERVICE, "aggr:8080", List.of("mnist"), "learner", null, null),
            LearnerLaunch::toEnvironment,
            LearnerLaunch::fromEnvironment),
        trip(
            new ObserverLaunch(SERVICE, Path.of("/data/observer/p1"), "http://mlflow:7027"),
            ObserverLaunch::toEnvironment,
            ObserverLaunch::fromEnvironment),
        trip(
            new ObserverLaunch(SERVICE, Path.of("/data/observer/p1"), "", "read-t", WEB_TLS),
            ObserverLaunch::toEnvironment,
            ObserverLaunch::fromEnvironment),
        trip(
            new DataServerLaunch(Path.of("/var/lib/flops/data")),
            DataServerLaunch::toEnvironment,
            DataServerLaunch::fromEnvironment),
        trip(
            ParticipantAuthority.inMemory().issueDataServer(),
            DataServerTlsLaunch::toEnvironment,
            DataServerTlsLaunch::fromEnvironment),
        trip(
            DataServerTlsLaunch.PLAINTEXT,
            DataServerTlsLaunch::toEnvironment,
            DataServerTlsLaunch::fromEnvironment),
        trip(
            new MockProviderLaunch(
                SERVICE,
                "iris",
                "iris",
                List.of("a:1"),
                1,
                Partitioner.IID,
                0.5,
                2,
                42L,
                null,
                "writer",
                ParticipantAuthority.inMemory().certificatePem()),
            MockProviderLaunch::toEnvironment,
            MockProviderLaunch::fromEnvironment),
        trip(
            new MockProviderLaunch(
                SERVICE,
                "mnist",
                "digits",
                List.of("a:1", "b:2"),
                2,
                Partitioner.DIRICHLET,
                0.3,
                2,
                7L,
                1),
            MockProviderLaunch::toEnvironment,
            MockProviderLaunch::fromEnvironment),
        trip(
            new MockProviderLaunch(
                SERVICE, "iris", "iris", List.of("a:1"), 1, Partitioner.IID, 0.5, 2, 42L, null),
            MockProviderLaunch::toEnvironment,
            MockProviderLaunch::fromEnvironment),
        trip(
            new InferenceLaunch(Path.of("/app/model")),
            InferenceLaunch::toEnvironment,
            InferenceLaunch::fromEnvironment),
        trip(
            new InferenceLaunch(Path.of("/app/model"), "inference-t", WEB_TLS),
            InferenceLaunch::toEnvironment,
            InferenceLaunch::fromEnvironment),
        trip(
            new BuilderLaunch(
                SERVICE,
                BuildPlan.FL_ACTORS,
                BuildSources.repository("https://host/o/r.git", "abc123", "tok", ModelFlavor.DL4J),
                new ImageOutput(
                    List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64),
                    "reg:5000",
                    false,
                    Path.of("/data/images"),
                    "reg:5000/flops/jre:17",
                    Path.of("/cache")),
                new BuildRuntimes(
                    Path.of("/l.jar"), Path.of("/a.jar"), Path.of("/i.jar"), "/mvnw")),
            BuilderLaunch::toEnvironment,
            BuilderLaunch::fromEnvironment),
        trip(
            new BuilderLaunch(
                SERVICE,
                BuildPlan.TRAINED_MODEL,
                BuildSources.trainedModel("acme", "run-1", "runs:/run-1/model", TRACKING),
                new ImageOutput(
                    List.of(Platform.LINUX_AMD64),
                    "",
                    true,
                    Path.of("/data/images"),
                    ImageOutput.SCRATCH,
                    Path.of("/cache")),
                BuildRuntimes.DEFAULTS),
            BuilderLaunch::toEnvironment,
            BuilderLaunch::fromEnvironment));
  }

  private static <T> Arguments trip(
      T record, Function<T, Map<String, String>> write, Function<Map<String, String>, T> read) {
    Map<String, String> environment = write.apply(record);
    return Arguments.of(
        record.getClass().getSimpleName(), record, environment, read.apply(environment));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void recordToEnvironmentToRecordIsTheSameRecord(
      String type, Object record, Map<String, String> environment, Object readBack) {
    assertThat(readBack).isEqualTo(record);
    assertThat(environment.keySet()).allMatch(name -> name.startsWith("FLOPS_"));
    assertThat(environment.values()).noneMatch(String::isEmpty);
  }

  @Test
  void theManagersBuilderLeavesUnsetRuntimesToTheBuildersOwnSettings() {
    BuilderLaunch launch =
        new BuilderLaunch(
            SERVICE,
            BuildPlan.FL_ACTORS,
            BuildSources.repository("file:///r", "", "", ModelFlavor.DL4J),
            new ImageOutput(
                List.of(Platform.LINUX_AMD64), "", true, Path.of("/s"), "scratch", Path.of("/c")),
            BuildRuntimes.UNSET);

    Map<String, String> environment = launch.toEnvironment();

    assertThat(environment)
        .doesNotContainKeys(
            BuilderLaunch.Variable.RUNTIME_LEARNER.envName(),
            BuilderLaunch.Variable.MAVEN_COMMAND.envName());
    assertThat(BuilderLaunch.fromEnvironment(environment).runtimes())
        .isEqualTo(BuildRuntimes.DEFAULTS);
  }

  @Test
  void anEmptyEnvironmentGivesTheDocumentedDefaults() {
    AggregatorLaunch aggregator = AggregatorLaunch.fromEnvironment(Map.of());
    LearnerLaunch learner = LearnerLaunch.fromEnvironment(Map.of());
    BuilderLaunch builder = BuilderLaunch.fromEnvironment(Map.of());

    assertThat(aggregator.role()).isEqualTo(Role.CLASSIC);
    assertThat(aggregator.training()).isEqualTo(Training.DEFAULTS);
    assertThat(aggregator.clusterName()).isEqualTo("cluster");
    assertThat(aggregator.service().projectId()).isEqualTo("local");
    assertThat(aggregator.service().mqttPublisher("id")).isEmpty();
    assertThat(learner.aggregatorAddress()).isEqualTo("127.0.0.1:8080");
    assertThat(learner.dataServerAddress()).isEqualTo("127.0.0.1:11027");
    assertThat(learner.instanceName("host-7")).isEqualTo("learner-host-7");
    assertThat(builder.plan()).isEqualTo(BuildPlan.FL_ACTORS);
    assertThat(builder.output().platforms()).containsExactly(Platform.LINUX_AMD64);
    assertThat(builder.output().baseImage()).isEqualTo("eclipse-temurin:17-jre");
    assertThat(builder.sources().flavor()).isEqualTo(ModelFlavor.DL4J);
    assertThat(ObserverLaunch.fromEnvironment(Map.of("FLOPS_PROJECT_ID", "p")).service().mqttUrl())
        .isEqualTo("tcp://127.0.0.1:9027");
  }

  @Test
  void handWrittenValuesAreReadLeniently() {
    AggregatorLaunch aggregator =
        AggregatorLaunch.fromEnvironment(
            Map.of(
                "FLOPS_AGGREGATOR_ROLE", "ROOT",
                "FLOPS_AGGREGATOR_STRATEGY", "Trimmed_Mean",
                "FLOPS_AGGREGATOR_ROUND_TIMEOUT", "60s"));
    BuilderLaunch builder =
        BuilderLaunch.fromEnvironment(
            Map.of(
                "FLOPS_BUILDER_PLAN", "trained-model",
                "FLOPS_BUILDER_PLATFORMS", " linux/amd64 , linux/arm64,"));

    assertThat(aggregator.role()).isEqualTo(Role.ROOT);
    assertThat(aggregator.training().strategy()).isEqualTo(Strategy.FEDTRIMMEDAVG);
    assertThat(aggregator.training().roundTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(builder.plan()).isEqualTo(BuildPlan.TRAINED_MODEL);
    assertThat(builder.output().platforms())
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
  }

  @Test
  void secretsStayOutOfToString() {
    BuilderLaunch builder =
        BuilderLaunch.fromEnvironment(
            Map.of(
                "FLOPS_MQTT_USERNAME", "flops",
                "FLOPS_MQTT_PASSWORD", "mqtt-secret",
                "FLOPS_BUILDER_REPO_CREDENTIAL", "repo-secret",
                "FLOPS_TRACKING_TOKEN", "tracking-secret"));

    assertThat(builder.toString()).doesNotContain("mqtt-secret", "repo-secret", "tracking-secret");
  }
}
