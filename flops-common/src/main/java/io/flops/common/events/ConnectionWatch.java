package io.flops.common.events;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Paho callback of a publisher: runs {@code onConnected} after every (re)connection. */
final class ConnectionWatch implements MqttCallback {

  private static final Logger log = LoggerFactory.getLogger(ConnectionWatch.class);

  private final Runnable onConnected;

  ConnectionWatch(Runnable onConnected) {
    this.onConnected = onConnected;
  }

  @Override
  public void connectComplete(boolean reconnect, String serverUri) {
    if (reconnect) {
      log.info("Reconnected to MQTT broker {}", serverUri);
    }
    Thread flusher = new Thread(onConnected, "mqtt-publisher-flush");
    flusher.setDaemon(true);
    flusher.start();
  }

  @Override
  public void disconnected(MqttDisconnectResponse response) {
    log.warn("Disconnected from the MQTT broker: {}", response.getReasonString());
  }

  @Override
  public void mqttErrorOccurred(MqttException exception) {
    log.warn("MQTT error: {}", exception.getMessage());
  }

  @Override
  public void messageArrived(String topic, MqttMessage message) {}

  @Override
  public void deliveryComplete(IMqttToken token) {}

  @Override
  public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
