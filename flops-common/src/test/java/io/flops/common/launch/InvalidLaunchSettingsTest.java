package io.flops.common.launch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A missing required or a malformed variable fails with a sentence naming the variable. */
class InvalidLaunchSettingsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        bad(InferenceLaunch::fromEnvironment, Map.of(), "FLOPS_INFERENCE_MODEL_DIR", "is not set"),
        bad(ObserverLaunch::fromEnvironment, Map.of(), "FLOPS_PROJECT_ID", "is not set"),
        bad(
            DataServerTlsLaunch::fromEnvironment,
            Map.of(),
            "FLOPS_DATASERVER_TLS_CERTIFICATE",
            "set FLOPS_DATASERVER_PLAINTEXT=true to serve Arrow Flight without TLS"),
        bad(
            DataServerTlsLaunch::fromEnvironment,
            Map.of("FLOPS_DATASERVER_TLS_CERTIFICATE", "Y2VydA=="),
            "FLOPS_DATASERVER_TLS_PRIVATE_KEY",
            "is not set"),
        bad(
            MockProviderLaunch::fromEnvironment,
            Map.of("FLOPS_MOCK_DATASET", "mnist", "FLOPS_MOCK_DATA_TAG", "mnist"),
            "FLOPS_MOCK_DATA_SERVERS",
            "is not set"),
        bad(
            MockProviderLaunch::fromEnvironment,
            Map.of("FLOPS_MOCK_DATA_SERVERS", "a:1", "FLOPS_MOCK_DATA_TAG", "mnist"),
            "FLOPS_MOCK_DATASET",
            "is not set"),
        bad(
            MockProviderLaunch::fromEnvironment,
            Map.of(
                "FLOPS_MOCK_DATASET", "mnist",
                "FLOPS_MOCK_DATA_TAG", "mnist",
                "FLOPS_MOCK_DATA_SERVERS", "a:1",
                "FLOPS_MOCK_PARTITIONER", "random"),
            "FLOPS_MOCK_PARTITIONER",
            "'random' is not a partitioner (unknown partitioner 'random', allowed: [iid, dirichlet,"),
        bad(
            AggregatorLaunch::fromEnvironment,
            Map.of("FLOPS_AGGREGATOR_ROUNDS", "three"),
            "FLOPS_AGGREGATOR_ROUNDS",
            "FLOPS_AGGREGATOR_ROUNDS='three' is not a whole number of at least 1."),
        bad(
            AggregatorLaunch::fromEnvironment,
            Map.of("FLOPS_AGGREGATOR_MIN_FIT_CLIENTS", "0"),
            "FLOPS_AGGREGATOR_MIN_FIT_CLIENTS",
            "'0' is not a whole number of at least 1."),
        bad(
            AggregatorLaunch::fromEnvironment,
            Map.of("FLOPS_AGGREGATOR_STRATEGY", "fedprox"),
            "FLOPS_AGGREGATOR_STRATEGY",
            "Unknown aggregation strategy 'fedprox'; use one of [fedavg,"),
        bad(
            AggregatorLaunch::fromEnvironment,
            Map.of("FLOPS_AGGREGATOR_ROLE", "boss"),
            "FLOPS_AGGREGATOR_ROLE",
            "use one of classic, root, cluster"),
        bad(
            AggregatorLaunch::fromEnvironment,
            Map.of("FLOPS_AGGREGATOR_ROUND_TIMEOUT", "soon"),
            "FLOPS_AGGREGATOR_ROUND_TIMEOUT",
            "'soon' is not a duration"),
        bad(
            BuilderLaunch::fromEnvironment,
            Map.of("FLOPS_BUILDER_PLATFORMS", "linux/amd64,linux/s390x"),
            "FLOPS_BUILDER_PLATFORMS",
            "unknown platform 'linux/s390x'"),
        bad(
            BuilderLaunch::fromEnvironment,
            Map.of("FLOPS_BUILDER_PLAN", "docker"),
            "FLOPS_BUILDER_PLAN",
            "is not fl_actors or trained_model"),
        bad(
            BuilderLaunch::fromEnvironment,
            Map.of("FLOPS_BUILDER_FLAVOR", "pytorch2"),
            "FLOPS_BUILDER_FLAVOR",
            "unknown ml_model_flavor 'pytorch2'"),
        bad(
            BuilderLaunch::fromEnvironment,
            Map.of("FLOPS_BUILDER_REGISTRY_PLAIN_HTTP", "maybe"),
            "FLOPS_BUILDER_REGISTRY_PLAIN_HTTP",
            "is not true or false"),
        bad(
            ServiceLaunch::fromEnvironment,
            Map.of("FLOPS_VERBOSE", "yes"),
            "FLOPS_VERBOSE",
            "is not true or false"),
        bad(
            LearnerLaunch::fromEnvironment,
            Map.of("FLOPS_INSTANCE", "first"),
            "FLOPS_INSTANCE",
            "is not a whole number"));
  }

  private static Arguments bad(
      Function<Map<String, String>, ?> read,
      Map<String, String> environment,
      String variable,
      String message) {
    return Arguments.of(variable, environment, read, message);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("cases")
  void failsNamingTheVariable(
      String variable,
      Map<String, String> environment,
      Function<Map<String, String>, ?> read,
      String message) {
    assertThatThrownBy(() -> read.apply(environment))
        .isInstanceOf(InvalidLaunchSettingException.class)
        .hasMessageStartingWith(variable)
        .hasMessageContaining(message)
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(
                        ((InvalidLaunchSettingException) e).variable())
                    .isEqualTo(variable));
  }
}
