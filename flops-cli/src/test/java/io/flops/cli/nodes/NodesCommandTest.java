package io.flops.cli.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** nodes reads {@code GET /api/flops/nodes} ({@code List<NodeView>}) and shows every data tag. */
class NodesCommandTest {

  private static final String NODES =
      """
      [{"cluster":"cluster-0","node":"node-0",
        "data_server":{"address":"127.0.0.1:40383","ready":true,
                       "tags":[{"tag":"mnist","datasets":2,"rows":35000,"bytes":28734013},
                               {"tag":"iris","datasets":1,"rows":75,"bytes":2100}]}},
       {"cluster":"cluster-1","node":"node-1",
        "data_server":{"address":"10.0.0.7:11027","public_address":"203.0.113.7:11027",
                       "ready":false,"tags":[]}},
       {"cluster":"cluster-1","node":"node-2"}]""";

  private final StubManager manager = new StubManager();

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void aTableWithARowPerDataTagAndNodesWithoutDataServers() {
    manager.on("GET", "/api/flops/nodes", 200, NODES);

    CliRun run = CliRun.against(manager, "nodes");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(5)
        .first()
        .asString()
        .contains("CLUSTER", "NODE", "DATA SERVER", "READY", "TAG", "DATASETS", "ROWS", "BYTES");
    assertThat(run.out())
        .containsPattern("cluster-0 +node-0 +127.0.0.1:40383 +yes +mnist +2 +35000 +27.4 MiB")
        .containsPattern("cluster-0 +node-0 +127.0.0.1:40383 +yes +iris +1 +75 +2.1 KiB")
        .contains("10.0.0.7:11027 (public 203.0.113.7:11027)")
        .containsPattern("cluster-1 +node-2 +- +- +-");
  }

  @Test
  void jsonIsTheManagersNodeList() throws Exception {
    manager.on("GET", "/api/flops/nodes", 200, NODES);

    CliRun run = CliRun.against(manager, "nodes", "--output", "json");

    JsonNode nodes = new ObjectMapper().readTree(run.out());
    assertThat(nodes).hasSize(3);
    assertThat(nodes.get(0).path("data_server").path("tags").get(0).path("rows").asLong())
        .isEqualTo(35000);
    assertThat(nodes.get(1).path("data_server").path("public_address").asText())
        .isEqualTo("203.0.113.7:11027");
    assertThat(nodes.get(2).has("data_server")).isFalse();
  }

  @Test
  void dataServerCertificatePrintsAnEnvironmentFile() {
    manager.on(
        "POST",
        "/api/flops/nodes/data-server-certificate",
        200,
        """
        {"environment":{"FLOPS_DATASERVER_TLS_PRIVATE_KEY":"a2V5",
                        "FLOPS_DATASERVER_TLS_CERTIFICATE":"Y2VydA=="},
         "server_name":"data.participants.flops","valid_until":"2027-12-03T21:00:00Z"}""");

    CliRun run =
        CliRun.of("nodes", "data-server-certificate", "--manager-url", manager.url().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "# data server certificate naming data.participants.flops, valid until"
                + " 2027-12-03T21:00:00Z",
            "FLOPS_DATASERVER_TLS_CERTIFICATE=Y2VydA==",
            "FLOPS_DATASERVER_TLS_PRIVATE_KEY=a2V5");
  }

  @Test
  void bytesAreShownInBinaryUnits() {
    assertThat(NodesTable.bytes(512)).isEqualTo("512 B");
    assertThat(NodesTable.bytes(2048)).isEqualTo("2.0 KiB");
    assertThat(NodesTable.bytes(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
  }
}
