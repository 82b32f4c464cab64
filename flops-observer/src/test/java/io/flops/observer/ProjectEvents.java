package io.flops.observer;

import io.flops.common.events.EventCodec;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import io.flops.common.events.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Publishes a project's observer events on MQTT, as the project's components do (QoS 1). */
final class ProjectEvents implements AutoCloseable {

  private final String projectId;
  private final MqttClient client;
  private final EventCodec codec = new EventCodec();

  ProjectEvents(String mqttUrl, String projectId) {
    this.projectId = projectId;
    try {
      client = new MqttClient(mqttUrl, "test-" + UUID.randomUUID(), new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      client.connect(options);
    } catch (MqttException e) {
      throw new IllegalStateException("Cannot connect to the broker at " + mqttUrl, e);
    }
  }

  static ObserverEvent event(
      String id, String source, Level level, Kind kind, String message, Map<String, Object> data) {
    return new ObserverEvent(id, Instant.now(), source, level, kind, message, data);
  }

  static ObserverEvent log(String id) {
    return event(id, "test", Level.INFO, Kind.LOG, "event " + id, Map.of());
  }

  ObserverEvent publish(ObserverEvent event) {
    MqttMessage message = new MqttMessage(codec.encode(event));
    message.setQos(1);
    try {
      client.publish(Topics.observer(projectId), message);
    } catch (MqttException e) {
      throw new IllegalStateException("Cannot publish " + event.id(), e);
    }
    return event;
  }

  ObserverEvent state(String from, String to) {
    return publish(
        event(
            UUID.randomUUID().toString(),
            "manager",
            Level.INFO,
            Kind.STATE,
            "Project is now " + to,
            Map.of("from", from, "to", to)));
  }

  ObserverEvent round(int round, double loss, double accuracy) {
    return publish(
        event(
            UUID.randomUUID().toString(),
            "aggregator",
            Level.INFO,
            Kind.ROUND,
            "Round " + round + " finished",
            Map.of(
                "round", round,
                "loss", loss,
                "accuracy", accuracy,
                "duration_ms", 1500 + round,
                "learners", 2)));
  }

  @Override
  public void close() {
    try {
      client.disconnect();
      client.close();
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }
}
