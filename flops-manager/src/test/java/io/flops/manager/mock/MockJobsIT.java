package io.flops.manager.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent.MockDataProviderFinished;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.support.Api;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/flops/mocks} deploys one provider and follows its reports. */
class MockJobsIT extends ManagerITBase {

  @LocalServerPort int port;
  @Autowired InMemoryOrchestrator orchestrator;
  @Autowired MqttEndpoint mqtt;
  @Autowired EventKeys eventKeys;
  @Autowired ServiceLaunches launches;

  @Test
  void aJobDeploysOneProviderAndCompletesWhenEveryPartitionIsPushed() {
    Api api = new Api(port);
    Api.Reply created =
        api.postJson(
            "/api/flops/mocks/",
            """
            {"customerID":"acme","mock_data_configuration":{"dataset_name":"mnist",
             "number_of_partitions":2,"data_tag":"digits","partitioner":"dirichlet","alpha":0.3,
             "seed":7}}""");
    assertThat(created.status()).isEqualTo(201);
    String id = created.body().get("mock_id").asText();
    assertThat(created.location()).endsWith("/api/flops/mocks/" + id);

    String providerId = orchestrator.idOf("mockdata" + id);
    ServiceSpec provider = orchestrator.deployed().get(providerId);
    assertThat(provider.kind()).isEqualTo(ServiceKind.MOCK_DATA_PROVIDER);
    assertThat(provider.oneShot()).isTrue();
    assertThat(provider.placement().addons()).contains("FLOps-learner");
    assertThat(provider.environment())
        .containsEntry("FLOPS_PROJECT_ID", id)
        .containsEntry("FLOPS_MOCK_DATASET", "mnist")
        .containsEntry("FLOPS_MOCK_DATA_TAG", "digits")
        .containsEntry("FLOPS_MOCK_PARTITIONS", "2")
        .containsEntry("FLOPS_MOCK_PARTITIONER", "dirichlet")
        .containsEntry("FLOPS_MOCK_ALPHA", "0.3")
        .containsEntry("FLOPS_MOCK_LABELS_PER_PARTITION", "2")
        .containsEntry("FLOPS_MOCK_SEED", "7")
        .containsEntry("FLOPS_MQTT_URL", mqtt.publicUrl());
    assertThat(api.get("/api/flops/mocks/" + id).body().get("state").asText()).isEqualTo("RUNNING");

    try (SealedEvents publisher = new SealedEvents(launches)) {
      publisher.publish(new MockDataProviderFinished(event(), id, 0, 100, null));
      publisher.publish(new MockDataProviderFinished(event(), id, 1, 120, null));
    }
    JsonNode job = await(api, id, "COMPLETED");
    assertThat(job.get("rows").asLong()).isEqualTo(220);
    assertThat(job.get("pushed_partitions").toString()).isEqualTo("[0,1]");
  }

  @Test
  void aFailedReportFailsTheJobAndAnInvalidSlaDeploysNothing() {
    Api api = new Api(port);
    String id =
        api.postJson("/api/flops/mocks", "{\"customerID\":\"acme\"}")
            .body()
            .get("mock_id")
            .asText();
    try (SealedEvents publisher = new SealedEvents(launches)) {
      publisher.publish(new MockDataProviderFinished(event(), id, -1, 0, "no data server"));
    }
    assertThat(await(api, id, "FAILED").get("failure_reason").asText()).isEqualTo("no data server");

    int before = orchestrator.deployed().size();
    Api.Reply invalid =
        api.postJson(
            "/api/flops/mocks", "{\"mock_data_configuration\":{\"number_of_partitions\":0}}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.raw()).contains("number_of_partitions");
    assertThat(orchestrator.deployed()).hasSize(before);
    assertThat(api.get("/api/flops/mocks/nope").status()).isEqualTo(404);
  }

  private static String event() {
    return UUID.randomUUID().toString();
  }

  private static JsonNode await(Api api, String id, String state) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode job = null;
    while (System.nanoTime() < deadline) {
      job = api.get("/api/flops/mocks/" + id).body();
      if (state.equals(job.get("state").asText())) {
        return job;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("Mock job " + id + " did not reach " + state + ": " + job);
  }
}
