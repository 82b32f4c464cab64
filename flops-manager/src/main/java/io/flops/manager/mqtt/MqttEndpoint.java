package io.flops.manager.mqtt;

import io.flops.manager.config.MqttProperties;

/**
 * The broker the manager uses and the one it hands to deployed services.
 *
 * @param url where the manager connects
 * @param publicUrl what services get as {@code FLOPS_MQTT_URL}
 * @param username empty for anonymous brokers
 * @param password empty for anonymous brokers
 */
public record MqttEndpoint(String url, String publicUrl, String username, String password) {

  /** {@code url} with the public URL and credentials of {@code properties}. */
  public static MqttEndpoint of(String url, MqttProperties properties) {
    String publicUrl = properties.getPublicUrl().isBlank() ? url : properties.getPublicUrl();
    return new MqttEndpoint(url, publicUrl, properties.getUsername(), properties.getPassword());
  }

  /** True when the broker needs credentials. */
  public boolean hasCredentials() {
    return !username.isBlank();
  }
}
