package io.flops.manager.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.orchestration.Locality;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.support.InMemoryOrchestrator;
import org.junit.jupiter.api.Test;

/** Manager-local settings handed to remote workers are named at start-up. */
class RemoteWiringCheckTest {

  private final FlopsProperties flops = new FlopsProperties();
  private final TrackingProperties tracking = new TrackingProperties();

  private RemoteWiringCheck check(InMemoryOrchestrator orchestrator, String brokerUrl) {
    TrackingServers servers = new TrackingServers(orchestrator, null, flops, tracking, false);
    return new RemoteWiringCheck(
        orchestrator, flops, new MqttEndpoint(brokerUrl, brokerUrl, "", ""), servers);
  }

  @Test
  void loopbackBrokerAndRegistryAndTheLocalStoreAreNamedForRemoteWorkers() {
    flops.setRegistry("127.0.0.1:5000");
    flops.setTrackingUri("http://localhost:7027");
    tracking.setDeployServer(TrackingProperties.DeployServer.NEVER);

    assertThat(check(new InMemoryOrchestrator(), "tcp://127.0.0.1:9027").problems())
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).contains("flops.mqtt.public-url"))
        .anySatisfy(p -> assertThat(p).contains("registry 127.0.0.1:5000"))
        .anySatisfy(p -> assertThat(p).contains("tracking server http://localhost:7027"));
  }

  @Test
  void reachableSettingsAndSingleHostPlatformsAreFine() {
    flops.setRegistry("registry.example.org:5000");
    assertThat(check(new InMemoryOrchestrator(), "tcp://10.0.0.5:9027").problems()).isEmpty();

    InMemoryOrchestrator oneHost =
        new InMemoryOrchestrator() {
          @Override
          public Locality locality() {
            return Locality.HOST_PROCESSES;
          }
        };
    flops.setRegistry("");
    assertThat(check(oneHost, "tcp://127.0.0.1:9027").problems()).isEmpty();
  }
}
