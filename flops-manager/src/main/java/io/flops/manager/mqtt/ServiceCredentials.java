package io.flops.manager.mqtt;

/**
 * The broker credential the manager hands to the services of one project or mock-data job ({@code
 * FLOPS_MQTT_USERNAME}, {@code FLOPS_MQTT_PASSWORD}); never the manager's own.
 */
public interface ServiceCredentials {

  /** The credential of the services of project or job {@code id}. */
  MqttCredential of(String id);

  /**
   * Withdraws the credential of {@code id}'s services once nothing of it runs any more; a broker
   * whose credentials are derived or shared has nothing to withdraw.
   */
  default void revoke(String id) {}
}
