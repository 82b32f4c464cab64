package io.flops.common.orchestration;

import java.util.Map;

/**
 * Where an instance is reachable from other services.
 *
 * @param host an IP address or host name
 * @param ports container port → the port to connect to
 */
public record ServiceAddress(String host, Map<Integer, Integer> ports) {

  public ServiceAddress {
    ports = Map.copyOf(ports);
  }

  /** {@code host:port} for container port {@code containerPort}. */
  public String hostPort(int containerPort) {
    Integer port = ports.get(containerPort);
    if (port == null) {
      throw new IllegalArgumentException("Port " + containerPort + " is not published: " + ports);
    }
    return host + ":" + port;
  }
}
