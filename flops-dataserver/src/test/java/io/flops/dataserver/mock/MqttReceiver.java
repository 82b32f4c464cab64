package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** Subscribes to the manager and observer topics of a real broker and collects what arrives. */
final class MqttReceiver implements AutoCloseable {

  private final MqttClient client;
  private final BlockingQueue<String> topics = new LinkedBlockingQueue<>();
  private final List<String> payloads = new CopyOnWriteArrayList<>();

  MqttReceiver(String url) throws Exception {
    client = new MqttClient(url, "sub-" + System.nanoTime(), new MemoryPersistence());
    client.connect(new MqttConnectionOptions());
    IMqttMessageListener listener =
        (topic, message) -> {
          payloads.add(new String(message.getPayload(), StandardCharsets.UTF_8));
          topics.add(topic);
        };
    client.subscribe(
        new MqttSubscription[] {
          new MqttSubscription("flops_manager/#", 1), new MqttSubscription("project_observer/#", 1)
        },
        new IMqttMessageListener[] {listener, listener});
  }

  /** The topics of the next {@code count} messages (20 s at most for each). */
  List<String> topics(int count) throws InterruptedException {
    List<String> received = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String topic = topics.poll(20, TimeUnit.SECONDS);
      assertThat(topic).as("MQTT message %d of %d within 20 s", i + 1, count).isNotNull();
      received.add(topic);
    }
    return received;
  }

  List<String> payloads() {
    return payloads;
  }

  @Override
  public void close() throws Exception {
    client.disconnect();
    client.close();
  }
}
