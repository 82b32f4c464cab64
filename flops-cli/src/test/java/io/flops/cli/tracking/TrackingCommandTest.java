package io.flops.cli.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** tracking prints the MLflow server's URL or the mlflow ui command of the file store. */
class TrackingCommandTest {

  private final StubManager manager = new StubManager();

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void aFileStoreIsShownWithTheMlflowUiCommand() throws Exception {
    manager.on(
        "GET",
        "/api/flops/tracking",
        200,
        """
        {"kind":"file-store","store_directory":"/data/mlruns",
         "ui_command":"mlflow ui --backend-store-uri /data/mlruns"}""");

    CliRun text = CliRun.against(manager, "tracking");
    CliRun json = CliRun.against(manager, "tracking", "-o", "json");

    assertThat(manager.calls()).first().isEqualTo("GET /api/flops/tracking");
    assertThat(text.out())
        .contains("MLflow file store: /data/mlruns")
        .contains("See the runs with: mlflow ui --backend-store-uri /data/mlruns");
    assertThat(new ObjectMapper().readTree(json.out()).path("kind").asText())
        .isEqualTo("file-store");
  }

  @Test
  void aCustomersServerIsShownByItsUrl() {
    manager.on(
        "GET",
        "/api/flops/tracking",
        200,
        "{\"customerID\":\"acme\",\"kind\":\"server\",\"tracking_url\":\"http://10.0.0.9:7027\"}");

    CliRun run = CliRun.against(manager, "tracking", "--customer", "acme");

    assertThat(manager.calls()).containsExactly("GET /api/flops/tracking?customerID=acme");
    assertThat(run.out()).isEqualTo("MLflow tracking server: http://10.0.0.9:7027\n");
  }
}
