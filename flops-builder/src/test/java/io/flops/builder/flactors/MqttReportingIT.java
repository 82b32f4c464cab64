package io.flops.builder.flactors;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.builder.BuilderApplication;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** The builder application reports to the manager over a real MQTT broker (Mosquitto). */
class MqttReportingIT {

  @TempDir Path tmp;

  @Test
  void publishesStartedAndFailedAndExitsWithOne() throws Exception {
    try (ExternalServer broker = Mosquitto.start(tmp.resolve("mosquitto"))) {
      List<ComponentEvent> received = new CopyOnWriteArrayList<>();
      EventCodec codec = new EventCodec();
      MqttClient manager =
          new MqttClient(Mosquitto.url(broker), "test-manager", new MemoryPersistence());
      manager.connect(new MqttConnectionOptions());
      IMqttMessageListener listener =
          (topic, message) -> received.add(codec.decode(topic, message.getPayload()));
      manager.subscribe(
          new MqttSubscription[] {
            new MqttSubscription("flops_manager/fl_actors_image_builder/+", 1)
          },
          new IMqttMessageListener[] {listener});
      String url = "http://127.0.0.1:" + ExternalServer.freePort() + "/owner/gone.git";

      int exitCode =
          SpringApplication.exit(
              SpringApplication.run(
                  BuilderApplication.class,
                  "--flops.project-id=p-mqtt",
                  "--flops.mqtt-url=" + Mosquitto.url(broker),
                  "--flops.builder.repo-url=" + url,
                  "--flops.builder.work-dir=" + tmp.resolve("work")));

      assertThat(exitCode).isEqualTo(1);
      long deadline = System.currentTimeMillis() + 10_000;
      while (received.size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      manager.disconnect();
      manager.close();
      assertThat(received).hasSize(2);
      assertThat(received.get(0)).isInstanceOf(ComponentEvent.BuilderStarted.class);
      ComponentEvent.BuilderFailed failed = (ComponentEvent.BuilderFailed) received.get(1);
      assertThat(failed.projectId()).isEqualTo("p-mqtt");
      assertThat(failed.errorMessage()).startsWith("Cannot reach the repository " + url);
    }
  }
}
