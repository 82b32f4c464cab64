package io.flops.manager.project;

import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same MQTT flow against Debian's Mosquitto instead of the embedded broker, set up as the
 * compose suite does (deploy/mosquitto): no anonymous clients, the manager and the services each
 * with their own user, services writing only component reports and observer streams.
 */
class MosquittoFlowIT extends AbstractProjectFlowIT {

  private static ExternalServer broker;

  @DynamicPropertySource
  static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("flops-mosquitto-it");
    broker =
        Mosquitto.startSecured(
            dir.resolve("broker"),
            Map.of(MANAGER_USER, MANAGER_PASSWORD, "flops-services", "services-pw"),
            Files.readString(Path.of("../deploy/mosquitto/acl.template"))
                .replace("@MANAGER@", MANAGER_USER)
                .replace("@SERVICES@", "flops-services"));
    useExternalBroker(registry, broker, dir);
    registry.add("flops.mqtt.service-username", () -> "flops-services");
    registry.add("flops.mqtt.service-password", () -> "services-pw");
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }
}
