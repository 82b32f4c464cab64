package io.flops.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against Debian's Mosquitto, including an outage at start. */
class MqttEventPublisherIT {

  @TempDir Path work;

  private final EventCodec codec = new EventCodec();

  @Test
  void componentAndObserverEventsArriveWithQos1() throws Exception {
    try (ExternalServer broker = Mosquitto.start(work.resolve("broker"));
        Receiver receiver = new Receiver(Mosquitto.url(broker));
        MqttEventPublisher publisher =
            MqttEventPublisher.connect(Mosquitto.url(broker), "pub-" + System.nanoTime())) {
      ComponentEvent started =
          new ComponentEvent.AggregatorStarted("e1", "p1", AggregatorType.CLASSIC_AGGREGATOR);
      ObserverEvent line =
          new ObserverEvent(
              "o1",
              Instant.now(),
              "learner-1",
              ObserverEvent.Level.INFO,
              ObserverEvent.Kind.LOG,
              "hello",
              Map.of());

      publisher.publish(started);
      publisher.publish("p1", line);

      Received first = receiver.next();
      Received second = receiver.next();
      assertThat(List.of(first.topic(), second.topic()))
          .containsExactlyInAnyOrder("flops_manager/aggregator/started", "project_observer/p1");
      Received component = first.topic().startsWith("flops") ? first : second;
      Received observer = component == first ? second : first;
      assertThat(component.qos()).isEqualTo(1);
      assertThat(codec.decode(component.topic(), component.payload())).isEqualTo(started);
      assertThat(codec.decodeObserverEvent(observer.payload()).message()).isEqualTo("hello");
    }
  }

  @Test
  void eventsPublishedWhileTheBrokerIsDownAreDeliveredOnceItIsUp() throws Exception {
    int port = ExternalServer.freePort();
    String url = "tcp://127.0.0.1:" + port;
    ComponentEvent failed = new ComponentEvent.LearnerFailed("e2", "p2", "learner-1", "no data");

    try (MqttEventPublisher publisher =
        MqttEventPublisher.connect(url, "pub-" + System.nanoTime())) {
      publisher.publish(failed);
      assertThat(publisher.isConnected()).isFalse();

      try (ExternalServer broker = startBrokerOn(port)) {
        Path log = broker.workDir().resolve("mosquitto.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !receivedByBroker(log)) {
          Thread.sleep(100);
        }
        assertThat(receivedByBroker(log))
            .as(
                "the broker logs the buffered event's PUBLISH at QoS 1; log:%n%s",
                Files.readString(log))
            .isTrue();
        assertThat(publisher.isConnected()).isTrue();
      }
    }
  }

  private static boolean receivedByBroker(Path log) throws Exception {
    return Files.exists(log)
        && Files.readAllLines(log).stream()
            .anyMatch(
                line ->
                    line.contains("Received PUBLISH")
                        && line.contains("q1")
                        && line.contains("flops_manager/learner/failed"));
  }

  private ExternalServer startBrokerOn(int port) throws Exception {
    Path dir = work.resolve("late-broker");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("mosquitto.conf"),
        "listener "
            + port
            + " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest stderr\nlog_type all\n");
    return ExternalServer.start(
        "mosquitto",
        "mosquitto",
        List.of("/usr/sbin/mosquitto", "-c", "mosquitto.conf"),
        port,
        dir);
  }

  private record Received(String topic, byte[] payload, int qos) {}

  /** A plain Paho subscriber to every FLOps topic. */
  private static final class Receiver implements AutoCloseable {
    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    Receiver(String url) throws Exception {
      client = new MqttClient(url, "sub-" + System.nanoTime(), new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      client.connect(options);
      MqttSubscription[] subscriptions = {
        new MqttSubscription("flops_manager/#", 1), new MqttSubscription("project_observer/#", 1)
      };
      client.subscribe(
          subscriptions,
          new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
            (topic, message) ->
                received.add(new Received(topic, message.getPayload(), message.getQos())),
            (topic, message) ->
                received.add(new Received(topic, message.getPayload(), message.getQos()))
          });
    }

    Received next() throws InterruptedException {
      Received next = received.poll(20, TimeUnit.SECONDS);
      assertThat(next).as("an MQTT message within 20 s").isNotNull();
      return next;
    }

    @Override
    public void close() throws Exception {
      client.disconnect();
      client.close();
    }
  }
}
