package io.flops.manager.mqtt;

import io.flops.common.launch.ServiceLaunch;

/**
 * What the manager tells every service it starts for a project or mock-data job: the id, the broker
 * as services reach it, that project's own broker credential ({@link ServiceCredentials}) and its
 * event key ({@link EventKeys}) — nothing of the manager's own.
 */
public final class ServiceLaunches {

  private final MqttEndpoint endpoint;
  private final ServiceCredentials credentials;
  private final EventKeys keys;

  public ServiceLaunches(MqttEndpoint endpoint, ServiceCredentials credentials, EventKeys keys) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.keys = keys;
  }

  /** The launch of a service of project or job {@code id}. */
  public ServiceLaunch of(String id, boolean verbose) {
    MqttCredential credential = credentials.of(id);
    return new ServiceLaunch(
        id,
        endpoint.publicUrl(),
        credential.username(),
        credential.password(),
        verbose,
        keys.keyOf(id));
  }

  /** Withdraws the broker credential of {@code id}'s services (nothing of it runs any more). */
  public void revoke(String id) {
    credentials.revoke(id);
  }

  /**
   * The token that reads the events of project {@code id}'s observer ({@code
   * FLOPS_OBSERVER_READ_TOKEN}), derived from the installation secret.
   */
  public String observerReadToken(String id) {
    return keys.derive("flops-observer:" + id);
  }

  /**
   * The token that calls project {@code id}'s inference server ({@code FLOPS_INFERENCE_TOKEN}),
   * derived from the installation secret.
   */
  public String inferenceToken(String id) {
    return keys.derive("flops-inference:" + id);
  }

  /** Leaves out every secret. */
  @Override
  public String toString() {
    return "ServiceLaunches[" + endpoint.publicUrl() + "]";
  }
}
