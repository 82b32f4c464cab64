package io.flops.manager.project;

import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same MQTT flow against Debian's Mosquitto instead of the embedded broker. */
class MosquittoFlowIT extends AbstractProjectFlowIT {

  private static ExternalServer broker;

  @DynamicPropertySource
  static void mosquitto(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("flops-mosquitto-it");
    broker = Mosquitto.start(dir.resolve("broker"));
    registry.add("flops.mqtt.url", () -> Mosquitto.url(broker));
    registry.add("flops.data-dir", () -> dir.resolve("data").toString());
    registry.add("flops.orchestrator.local.work-dir", () -> dir.resolve("services").toString());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }
}
