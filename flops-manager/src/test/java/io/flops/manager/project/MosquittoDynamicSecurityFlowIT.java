package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.launch.ServiceLaunch;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The MQTT flow against Debian's Mosquitto with its dynamic-security plugin: the manager, one of
 * its admins, gives each project's services their own user and role, as the embedded broker does,
 * and withdraws them when the project is gone.
 */
class MosquittoDynamicSecurityFlowIT extends AbstractProjectFlowIT {

  private static ExternalServer broker;

  @DynamicPropertySource
  static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("flops-mosquitto-dynsec-it");
    broker =
        Mosquitto.startWithDynamicSecurity(dir.resolve("broker"), MANAGER_USER, MANAGER_PASSWORD);
    useExternalBroker(registry, broker, dir);
    registry.add("flops.mqtt.dynamic-security", () -> "true");
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aProjectsServicesReachOnlyTheirOwnProjectsTopics() throws Exception {
    assertServicesReachOnlyTheirOwnProjectsTopics();
  }

  @Test
  void theIdentityOfAProjectGoesWithItsLastService() throws Exception {
    String id = api.createProject(sla(""));
    api.awaitState(id, "BUILDING_IMAGES");
    ServiceLaunch service = launches.of(id, false);
    MqttClient running = connectedAs(service);
    running.disconnectForcibly();
    running.close();

    assertThat(api.delete("/api/flops/projects/" + id).status()).isEqualTo(200);

    Instant deadline = Instant.now().plusSeconds(20);
    boolean refused = false;
    while (!refused && Instant.now().isBefore(deadline)) {
      try {
        MqttClient late = connectedAs(service);
        late.disconnectForcibly();
        late.close();
        Thread.sleep(300);
      } catch (MqttException e) {
        refused = true;
      }
    }
    assertThat(refused).as("the cancelled project's identity is refused").isTrue();
  }

  @Test
  void aWithdrawnIdentityCannotConnectAnyMore() throws Exception {
    ServiceLaunch p9 = launches.of("p9", false);
    MqttClient before = connectedAs(p9);
    assertThat(before.isConnected()).isTrue();
    before.disconnectForcibly();
    before.close();

    launches.revoke("p9");

    assertThatThrownBy(() -> connectedAs(p9))
        .as("connecting with the withdrawn identity")
        .isInstanceOf(MqttException.class);
  }
}
