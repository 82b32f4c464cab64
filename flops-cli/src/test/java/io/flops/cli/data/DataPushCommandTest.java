package io.flops.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import io.flops.cli.command.ExitCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** data push sends a mock-data SLA (the shared record) and waits for the provider. */
class DataPushCommandTest {

  private final StubManager manager = new StubManager();

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void pushesPartitionsWithThePartitionerAndWaitsUntilTheyArePushed() throws Exception {
    manager.on("POST", "/api/flops/mocks", 201, "{\"mock_id\":\"m1\"}");
    manager.on("GET", "/api/flops/mocks/m1", 200, job("RUNNING", "[0]"));
    manager.on("GET", "/api/flops/mocks/m1", 200, job("COMPLETED", "[0,1]"));

    CliRun run =
        CliRun.of(
            "data",
            "push",
            "--manager-url",
            manager.url().toString(),
            "--dataset",
            "iris",
            "--partitions",
            "2",
            "--partitioner",
            "dirichlet",
            "--alpha",
            "0.1");

    assertThat(run.exitCode()).isZero();
    JsonNode sla = new ObjectMapper().readTree(manager.requests().get(0).body());
    JsonNode configuration = sla.path("mock_data_configuration");
    assertThat(sla.path("customerID").asText()).isEqualTo("Admin");
    assertThat(configuration.path("dataset_name").asText()).isEqualTo("iris");
    assertThat(configuration.path("data_tag").asText()).isEqualTo("iris");
    assertThat(configuration.path("number_of_partitions").asInt()).isEqualTo(2);
    assertThat(configuration.path("partitioner").asText()).isEqualTo("dirichlet");
    assertThat(configuration.path("alpha").asDouble()).isEqualTo(0.1);
    assertThat(run.out())
        .contains("Pushed 2 iris partitions (150 rows) to the data servers under tag 'iris'");
  }

  @Test
  void aFailedProviderFailsTheCommandAndAnUnknownPartitionerIsAUsageError() {
    manager.on("POST", "/api/flops/mocks", 201, "{\"mock_id\":\"m1\"}");
    manager.on(
        "GET",
        "/api/flops/mocks/m1",
        200,
        job("FAILED", "[]").replace("\"rows\"", "\"failure_reason\":\"no data server\",\"rows\""));

    CliRun failed =
        CliRun.of("data", "push", "--manager-url", manager.url().toString(), "--partitions", "2");
    CliRun unknown = CliRun.of("data", "push", "--partitions", "2", "--partitioner", "random");

    assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED.code());
    assertThat(failed.err()).contains("failed: no data server");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(unknown.err())
        .contains("unknown partitioner 'random', allowed: [iid, dirichlet, labels]");
  }

  private static String job(String state, String partitions) {
    return "{\"mock_id\":\"m1\",\"customerID\":\"Admin\",\"state\":\""
        + state
        + "\",\"pushed_partitions\":"
        + partitions
        + ",\"rows\":150}";
  }
}
