package io.flops.common.orchestration;

import java.util.List;
import java.util.Optional;

/**
 * Runs a project's services somewhere: child processes on this host, containers through a Docker
 * Engine API, or an Oakestra root orchestrator. Adapters are chosen by {@code
 * flops.orchestrator.type}; every adapter passes the same contract tests.
 *
 * <p>{@link #deploy} is asynchronous: it validates and registers the service, returns its id at
 * once, and the caller polls {@link #status}. Ids of services this orchestrator does not know are
 * reported as {@link DeploymentState#UNKNOWN}, never thrown.
 */
public interface Orchestrator {

  /**
   * Creates (or finds) the application a service is grouped under: the customer's observatory and
   * helper applications, or a project's application. Idempotent.
   *
   * @return the application's id on the platform
   */
  String ensureApplication(ApplicationSpec application);

  /** Deletes an application and everything in it. Harmless for an unknown id. */
  void deleteApplication(String applicationId);

  /**
   * Starts {@code spec.instances()} instances of a service.
   *
   * @return the deployment id used by every other call
   * @throws OrchestrationException when the platform refuses the service (the message names the
   *     service and the platform's reason); a service name already deployed is refused
   */
  String deploy(ServiceSpec spec);

  /**
   * Like {@link #deploy(ServiceSpec)}, on behalf of a user: platforms that need the user's identity
   * (Oakestra, for the project observer and mock data providers) register the service with the
   * user's bearer token; others ignore it.
   *
   * @param userBearerToken the token from the user's request, without the {@code Bearer} prefix, or
   *     null
   */
  default String deploy(ServiceSpec spec, String userBearerToken) {
    return deploy(spec);
  }

  /** Changes the number of running instances. */
  void scale(String deploymentId, int instances);

  /** Stops every instance and forgets the service. Harmless for an unknown id. */
  void undeploy(String deploymentId);

  /** The aggregated and per-instance state; {@link DeploymentState#UNKNOWN} for an unknown id. */
  DeploymentStatus status(String deploymentId);

  /**
   * Where other services reach instance {@code instance} of a deployment (host and the published
   * port for each of {@link ServiceSpec#ports()}). Known as soon as {@link #deploy} returns.
   *
   * @throws OrchestrationException for an unknown id
   */
  ServiceAddress address(String deploymentId, int instance);

  /**
   * Where a user outside the platform's service network reaches instance {@code instance} (the
   * tracking server, the inference server, the observer page): the worker's public IP on Oakestra,
   * the host-published port on a Docker engine; the same as {@link #address} where services and
   * users share a network (local processes).
   *
   * @return the address, or empty while the platform has not reported it yet (e.g. before the
   *     instance runs)
   * @throws OrchestrationException for an unknown id
   */
  default Optional<ServiceAddress> publicAddress(String deploymentId, int instance) {
    return Optional.of(address(deploymentId, instance));
  }

  /**
   * Where the manager itself reaches instance {@code instance} (e.g. to ask a data server what it
   * holds): its {@link #publicAddress} once it has one, else its {@link #address}. Adapters whose
   * manager may sit on the services' own network (a manager container on the Docker network) answer
   * {@link #address} then.
   *
   * @throws OrchestrationException for an unknown id
   */
  default ServiceAddress managerAddress(String deploymentId, int instance) {
    return publicAddress(deploymentId, instance).orElseGet(() -> address(deploymentId, instance));
  }

  /**
   * Where this platform's services run, for the wiring that depends on it (host paths, simulated
   * nodes). Platforms of remote workers keep the default.
   */
  default Locality locality() {
    return Locality.CLUSTER;
  }

  /**
   * Whether services may mount durable {@link Volume}s, whose data outlives the instance and is
   * found again by a later service mounting the same name. Off unless the platform is configured
   * for it.
   */
  default boolean keepsVolumes() {
    return false;
  }

  /** The clusters that can run services now (one for platforms without clusters). */
  List<Cluster> activeClusters();

  /**
   * The last {@code lines} log lines of an instance, where the platform offers them; else empty.
   */
  List<String> recentLogs(String deploymentId, int instance, int lines);
}
