package io.flops.manager.mqtt;

import io.flops.manager.config.MqttProperties;

/**
 * The broker the manager uses and the one it hands to deployed services.
 *
 * @param url where the manager connects
 * @param publicUrl what services get as {@code FLOPS_MQTT_URL}
 * @param username the manager's user name; empty for anonymous brokers
 * @param password the manager's password (never handed to services); empty for anonymous brokers
 */
public record MqttEndpoint(String url, String publicUrl, String username, String password) {

  /** {@code url} with the public URL and credentials of {@code properties}. */
  public static MqttEndpoint of(String url, MqttProperties properties) {
    String publicUrl = properties.getPublicUrl().isBlank() ? url : properties.getPublicUrl();
    return new MqttEndpoint(url, publicUrl, properties.getUsername(), properties.getPassword());
  }

  /** The same, the manager connecting as {@code credential}. */
  public MqttEndpoint withManagerCredential(MqttCredential credential) {
    return new MqttEndpoint(url, publicUrl, credential.username(), credential.password());
  }

  /** Leaves out the password. */
  @Override
  public String toString() {
    return "MqttEndpoint[url=" + url + ", publicUrl=" + publicUrl + ", user=" + username + "]";
  }

  /** True when the broker needs credentials. */
  public boolean hasCredentials() {
    return !username.isBlank();
  }
}
