package io.flops.manager.deploy;

import io.flops.common.api.TrackingKind;
import io.flops.common.launch.TrackingLaunch;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.config.TrackingProperties;
import io.flops.manager.config.TrackingProperties.DeployServer;
import io.flops.manager.project.Observatory;
import io.flops.tracking.TrackingLocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where a customer's projects track their runs: the configured tracking URI, the manager's
 * MLflow file store, or (on container platforms, see {@link TrackingProperties}) the customer's own
 * MLflow tracking server in their observatory, deployed on first need and again when it has gone.
 */
public class TrackingServers {

  private static final Logger log = LoggerFactory.getLogger(TrackingServers.class);

  private final Orchestrator orchestrator;
  private final Observatories observatories;
  private final FlopsProperties flops;
  private final TrackingProperties tracking;
  private final boolean localOrchestrator;

  public TrackingServers(
      Orchestrator orchestrator,
      Observatories observatories,
      FlopsProperties flops,
      TrackingProperties tracking,
      boolean localOrchestrator) {
    this.orchestrator = orchestrator;
    this.observatories = observatories;
    this.flops = flops;
    this.tracking = tracking;
    this.localOrchestrator = localOrchestrator;
  }

  /** True when customers get their own tracking server. */
  public boolean deploysServers() {
    if (!flops.getTrackingUri().isBlank()) {
      return false;
    }
    return tracking.getDeployServer() == DeployServer.ALWAYS
        || (tracking.getDeployServer() == DeployServer.AUTO && !localOrchestrator);
  }

  /** The tracking URI the services of {@code customerId}'s projects log to. */
  public String serviceUri(String customerId) {
    return deploysServers() ? ensureServer(customerId).trackingUri() : flops.effectiveTrackingUri();
  }

  /**
   * Where {@code customerId} looks at their experiments: the server's address as users reach it
   * (empty while the platform has not reported it, or before the customer's first project deployed
   * the server: asking never deploys one), or the file store and its {@code mlflow ui} command.
   */
  public TrackingLocation userLocation(String customerId) {
    if (!deploysServers()) {
      return TrackingLocation.of(new TrackingLaunch(flops.effectiveTrackingUri(), "", "", ""));
    }
    String url =
        observatories
            .find(customerId)
            .map(Observatory::trackingDeploymentId)
            .flatMap(id -> orchestrator.publicAddress(id, 0))
            .map(address -> "http://" + address.hostPort(tracking.getServerPort()))
            .orElse("");
    return new TrackingLocation(TrackingKind.SERVER, url, "", "");
  }

  private Observatory ensureServer(String customerId) {
    return observatories.update(
        customerId, observatory -> running(observatory) ? observatory : deploy(observatory));
  }

  private boolean running(Observatory observatory) {
    if (observatory.trackingDeploymentId() == null) {
      return false;
    }
    DeploymentState state = orchestrator.status(observatory.trackingDeploymentId()).state();
    return !state.isTerminal();
  }

  private Observatory deploy(Observatory observatory) {
    if (observatory.trackingDeploymentId() != null) {
      log.warn(
          "Tracking server of customer {} is gone; deploying it again", observatory.customerId());
      orchestrator.undeploy(observatory.trackingDeploymentId());
    }
    ServiceSpec spec = spec(observatory.customerId(), observatory.applicationId());
    String id = orchestrator.deploy(spec);
    try {
      String uri = "http://" + orchestrator.address(id, 0).hostPort(tracking.getServerPort());
      log.info(
          "Deployed tracking server {} of customer {} at {}", id, observatory.customerId(), uri);
      return observatory.withTracking(id, uri);
    } catch (OrchestrationException e) {
      orchestrator.undeploy(id);
      throw e;
    }
  }

  /** The customer's MLflow server, in their observatory application. */
  ServiceSpec spec(String customerId, String applicationId) {
    String customer = customerId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    List<String> command =
        List.of(
            "mlflow",
            "server",
            "--host",
            "0.0.0.0",
            "--port",
            String.valueOf(tracking.getServerPort()),
            "--backend-store-uri",
            tracking.getBackendStoreUri().replace("{customer}", customer),
            "--serve-artifacts",
            "--artifacts-destination",
            tracking.getArtifactsDestination().replace("{customer}", customer));
    return new ServiceSpec(
        "tracking" + shortHash(customerId),
        ServiceKind.TRACKING_SERVER,
        applicationId,
        null,
        tracking.getServerImage(),
        command,
        Map.of(),
        List.of(tracking.getServerPort()),
        new Resources(tracking.getMemoryMb(), 1, 0),
        Placement.ANYWHERE,
        false,
        false,
        1);
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
