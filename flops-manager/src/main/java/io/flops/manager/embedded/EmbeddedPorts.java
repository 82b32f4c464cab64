package io.flops.manager.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ports of the embedded servers: taken ones fail the start with a sentence, 0 picks a free one. */
final class EmbeddedPorts {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPorts.class);

  private EmbeddedPorts() {}

  /**
   * Checks that {@code port} on {@code host} is free (0: picks a free one and logs it).
   *
   * @return the port to use
   * @throws IllegalStateException naming the port and {@code setting} when it is taken
   */
  static int claim(String server, String host, int port, String setting) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      int bound = socket.getLocalPort();
      if (port == 0) {
        log.info("Embedded {} picked the free port {} ({}=0)", server, bound, setting);
      }
      return bound;
    } catch (IOException e) {
      throw new IllegalStateException(inUse(server, host, port, setting), e);
    }
  }

  /** The sentence for a port that is taken. */
  static String inUse(String server, String host, int port, String setting) {
    return "The embedded "
        + server
        + " cannot listen on "
        + host
        + ":"
        + port
        + ": the port is taken (another FLOps manager on this host?). Set "
        + setting
        + " to a free port, or 0 to pick one.";
  }
}
