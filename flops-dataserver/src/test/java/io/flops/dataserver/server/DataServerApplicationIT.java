package io.flops.dataserver.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.api.DataTagView;
import io.flops.dataclient.DataServerClient;
import io.flops.dataserver.TestTables;
import io.flops.dataserver.flight.RunningDataServer;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The data server application: Flight endpoint over TLS with the certificate of its launch
 * variables, health and per-tag metrics over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dataserver")
class DataServerApplicationIT {

  @TempDir static Path storage;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    Map<String, String> tls = RunningDataServer.AUTHORITY.issueDataServer().toEnvironment();
    tls.forEach((variable, value) -> registry.add(variable, () -> value));
    registry.add("flops.dataserver.storage-dir", () -> storage.toString());
    registry.add("flops.dataserver.port", () -> "0");
    registry.add("flops.dataserver.host", () -> "127.0.0.1");
  }

  @Autowired DataServerConfiguration.FlightEndpoint endpoint;
  @Autowired TestRestTemplate http;

  @Test
  void reportsHealthAndRowsPerTagAfterPuts() {
    try (DataServerClient client =
            DataServerClient.connect("127.0.0.1:" + endpoint.port(), "", RunningDataServer.TRUST);
        RootAllocator allocator = new RootAllocator()) {
      TestTables.put(client, allocator, "mnist", "train", 1, 1_500, 500);
      TestTables.put(client, allocator, "mnist", "test", 2, 500, 500);
      TestTables.put(client, allocator, "iris", "train", 3, 120, 500);
    }

    JsonNode health = http.getForObject("/actuator/health", JsonNode.class);
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/dataServer/details/datasets").asInt()).isEqualTo(3);

    assertThat(metric("flops.dataserver.rows", "mnist")).isEqualTo(2_000);
    assertThat(metric("flops.dataserver.datasets", "mnist")).isEqualTo(2);
    assertThat(metric("flops.dataserver.rows", "iris")).isEqualTo(120);
    assertThat(metric("flops.dataserver.bytes", "iris")).isGreaterThan(120 * 24);

    DataTagView[] tags = http.getForObject("/api/tags", DataTagView[].class);
    assertThat(tags).extracting(DataTagView::tag).containsExactly("iris", "mnist");
    assertThat(tags[1].rows()).isEqualTo(2_000);
    assertThat(tags[1].datasets()).isEqualTo(2);
    assertThat(tags[0].bytes()).isGreaterThan(120 * 24);
  }

  private double metric(String name, String tag) {
    JsonNode body =
        http.getForObject("/actuator/metrics/" + name + "?tag=data_tag:" + tag, JsonNode.class);
    return body.at("/measurements/0/value").asDouble();
  }
}
