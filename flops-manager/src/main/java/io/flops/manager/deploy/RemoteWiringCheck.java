package io.flops.manager.deploy;

import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.mqtt.MqttEndpoint;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On a platform of remote workers, warns loudly at start-up about settings that only work on the
 * manager's host: a broker, tracking server or registry on a loopback address, the local image
 * store, a file-store tracking directory. Services deployed with them fail on their worker.
 */
@Component
public class RemoteWiringCheck {

  private static final Logger log = LoggerFactory.getLogger(RemoteWiringCheck.class);

  private final Orchestrator orchestrator;
  private final FlopsProperties flops;
  private final MqttEndpoint mqtt;
  private final TrackingServers trackingServers;

  public RemoteWiringCheck(
      Orchestrator orchestrator,
      FlopsProperties flops,
      MqttEndpoint mqtt,
      TrackingServers trackingServers) {
    this.orchestrator = orchestrator;
    this.flops = flops;
    this.mqtt = mqtt;
    this.trackingServers = trackingServers;
  }

  /** The settings remote workers cannot use, each as a sentence; empty when all is well. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (orchestrator.locality().simulatesNodes()) {
      return problems;
    }
    if (isLoopback(mqtt.publicUrl())) {
      problems.add(
          "services reach the broker at "
              + mqtt.publicUrl()
              + ", a loopback address on their own worker: set flops.mqtt.public-url");
    }
    if (flops.getRegistry().isBlank()) {
      problems.add(
          "no registry is set (flops.registry): the local image store is on the manager's host");
    } else if (isLoopback("//" + flops.getRegistry())) {
      problems.add("the registry " + flops.getRegistry() + " is a loopback address");
    }
    String tracking = flops.effectiveTrackingUri();
    if (!trackingServers.deploysServers()) {
      if (!tracking.startsWith("http")) {
        problems.add(
            "tracking goes to the file store "
                + tracking
                + " on the manager's host: set flops.tracking-uri to a server, or let FLOps deploy"
                + " one per customer (flops.tracking.deploy-server)");
      } else if (isLoopback(tracking)) {
        problems.add("the tracking server " + tracking + " is a loopback address");
      }
    }
    return problems;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    for (String problem : problems()) {
      log.warn("Remote workers cannot use this setting: {}", problem);
    }
  }

  private static boolean isLoopback(String url) {
    try {
      String host = URI.create(url).getHost();
      return host != null
          && (host.equalsIgnoreCase("localhost")
              || InetAddress.getByName(host).isLoopbackAddress());
    } catch (IllegalArgumentException | UnknownHostException e) {
      return false;
    }
  }
}
