package io.flops.manager.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.TrackingKind;
import io.flops.common.api.TrackingView;
import io.flops.manager.access.Caller;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.deploy.TrackingServers;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingControllerTest {

  @TempDir Path dataDir;

  private TrackingController controller(String trackingUri) {
    FlopsProperties flops = new FlopsProperties();
    flops.setDataDir(dataDir);
    flops.setTrackingUri(trackingUri);
    return new TrackingController(
        new TrackingServers(null, null, flops, new TrackingProperties(), true));
  }

  @Test
  void theDefaultFileStoreIsShownWithTheMlflowUiCommand() {
    TrackingView where = controller("").tracking("acme", null, Caller.ADMIN);

    String store = dataDir.toAbsolutePath().normalize().resolve("mlruns").toString();
    assertThat(where.customerId()).isEqualTo("acme");
    assertThat(where.kind()).isEqualTo(TrackingKind.FILE_STORE);
    assertThat(where.storeDirectory()).isEqualTo(store);
    assertThat(where.uiCommand()).startsWith("mlflow ui --backend-store-uri ").contains(store);
    assertThat(where.trackingUrl()).isEmpty();
  }

  @Test
  void aConfiguredServerIsShownByItsUrl() {
    TrackingView where =
        controller("https://mlflow.example:5000")
            .tracking(null, Map.of("customerID", "bob"), Caller.ADMIN);

    assertThat(where.customerId()).isEqualTo("bob");
    assertThat(where.kind()).isEqualTo(TrackingKind.SERVER);
    assertThat(where.trackingUrl()).isEqualTo("https://mlflow.example:5000");
    assertThat(where.uiCommand()).isEmpty();
  }

  @Test
  void theQueryParameterWinsOverTheBody() {
    TrackingView where = controller("").tracking("acme", Map.of("customerID", "bob"), Caller.ADMIN);

    assertThat(where.customerId()).isEqualTo("acme");
  }
}
