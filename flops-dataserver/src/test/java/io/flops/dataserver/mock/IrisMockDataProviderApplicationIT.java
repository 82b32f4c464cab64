package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import io.flops.dataclient.ArrowLocalData;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DatasetInfo;
import io.flops.dataserver.flight.RunningDataServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The one-shot application with the FLOPS_MOCK_* settings: one provider for all partitions, and one
 * provider per learner node (FLOPS_MOCK_PARTITION_INDEX) giving the same partitions.
 */
class IrisMockDataProviderApplicationIT {

  @TempDir Path storage;

  @Test
  void onePerNodeWithAPartitionIndexPushesTheSamePartitionsAsOneProviderForAll() {
    try (RunningDataServer a = new RunningDataServer(storage.resolve("a"));
        RunningDataServer b = new RunningDataServer(storage.resolve("b"));
        RunningDataServer nodeB = new RunningDataServer(storage.resolve("node-b"))) {
      assertThat(run(Map.of("flops.mock.data-servers", a.address() + "," + b.address()))).isZero();
      assertThat(
              run(
                  Map.of(
                      "flops.mock.data-servers",
                      nodeB.address(),
                      "flops.mock.partition-index",
                      "1")))
          .isZero();

      List<String> fromAll = names(b);
      assertThat(fromAll).hasSize(2);
      assertThat(names(nodeB)).isEqualTo(fromAll);
      try (DataServerClient client = a.client();
          ArrowLocalData data = client.fetch(List.of("iris"))) {
        assertThat(data.training().columnNames()).containsExactly("features", "label");
        assertThat(data.training().floats("features")[0]).hasSize(4);
        long trainA = data.training().rowCount();
        try (DataServerClient other = b.client();
            ArrowLocalData dataB = other.fetch(List.of("iris"))) {
          assertThat(trainA + dataB.training().rowCount()).isEqualTo(120);
          assertThat(data.test().orElseThrow().rowCount() + dataB.test().orElseThrow().rowCount())
              .isEqualTo(30);
        }
      }
    }
  }

  @Test
  void reportsSuccessPerPartitionOverMqtt() throws Exception {
    try (ExternalServer broker = Mosquitto.start(storage.resolve("broker"));
        MqttReceiver receiver = new MqttReceiver(Mosquitto.url(broker));
        RunningDataServer a = new RunningDataServer(storage.resolve("a"));
        RunningDataServer b = new RunningDataServer(storage.resolve("b"))) {
      assertThat(
              run(
                  Map.of(
                      "flops.mock.data-servers",
                      a.address() + "," + b.address(),
                      "flops.mqtt-url",
                      Mosquitto.url(broker))))
          .isZero();

      List<String> topics = receiver.topics(4);
      assertThat(topics)
          .containsExactlyInAnyOrder(
              "flops_manager/mock_data_provider/success",
              "flops_manager/mock_data_provider/success",
              "project_observer/mock-iris",
              "project_observer/mock-iris");
    }
  }

  @Test
  void invalidSettingsEndWithExitCodeOneAndAFailedEvent() throws Exception {
    try (ExternalServer broker = Mosquitto.start(storage.resolve("broker"));
        MqttReceiver receiver = new MqttReceiver(Mosquitto.url(broker));
        RunningDataServer a = new RunningDataServer(storage.resolve("a"))) {
      assertThat(
              run(
                  Map.of(
                      "flops.mock.data-servers", a.address(),
                      "flops.mqtt-url", Mosquitto.url(broker))))
          .isEqualTo(1);

      assertThat(receiver.topics(2)).contains("flops_manager/mock_data_provider/failed");
      assertThat(receiver.payloads()).anyMatch(p -> p.contains("one server per partition"));
      try (DataServerClient client = a.client()) {
        assertThat(client.list(List.of())).isEmpty();
      }
    }
  }

  private static List<String> names(RunningDataServer server) {
    try (DataServerClient client = server.client()) {
      return client.list(List.of("iris")).stream().map(DatasetInfo::name).toList();
    }
  }

  /** The tests' authority as FLOPS_MOCK_DATA_CA carries it: the provider connects over TLS. */
  private static String caVariable() {
    return Base64.getEncoder()
        .encodeToString(
            RunningDataServer.AUTHORITY.certificatePem().getBytes(StandardCharsets.US_ASCII));
  }

  private static int run(Map<String, Object> settings) {
    SpringApplication application = new SpringApplication(MockDataProviderApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setAdditionalProfiles("mock");
    java.util.Map<String, Object> all = new java.util.HashMap<>(settings);
    all.put("flops.mock.dataset", "iris");
    all.put("flops.mock.data-tag", "iris");
    all.put("flops.mock.partitions", "2");
    all.put("flops.mock.partitioner", "dirichlet");
    all.put("flops.mock.alpha", "1.0");
    all.put("flops.mock.seed", "7");
    all.put("flops.project-id", "mock-iris");
    all.put("flops.mock.data-ca", caVariable());
    application.setDefaultProperties(all);
    try (ConfigurableApplicationContext context = application.run()) {
      return SpringApplication.exit(context);
    }
  }
}
