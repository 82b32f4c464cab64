package io.flops.manager.mqtt;

/**
 * The broker credential the manager hands to the services of one project or mock-data job ({@code
 * FLOPS_MQTT_USERNAME}, {@code FLOPS_MQTT_PASSWORD}); never the manager's own.
 */
@FunctionalInterface
public interface ServiceCredentials {

  /** The credential of the services of project or job {@code id}. */
  MqttCredential of(String id);
}
