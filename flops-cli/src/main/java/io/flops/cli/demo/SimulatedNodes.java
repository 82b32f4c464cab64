package io.flops.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data servers of the manager's simulated learner nodes, as its log announces them ({@code Data
 * server of simulated node 0 listens on 127.0.0.1:<port>}, see README.md).
 */
public final class SimulatedNodes {

  private static final Pattern ANNOUNCED =
      Pattern.compile("Data server of simulated node (\\d+) listens on ([^\\s:]+):(\\d+)");

  private SimulatedNodes() {}

  /**
   * Waits until the manager announced {@code nodes} data servers and each accepts connections.
   *
   * @return node → {@code host:port}
   */
  public static Map<Integer, String> await(Path managerLog, int nodes, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      Map<Integer, String> ready = new TreeMap<>();
      Matcher matcher = ANNOUNCED.matcher(read(managerLog));
      while (matcher.find()) {
        String host = matcher.group(2);
        int port = Integer.parseInt(matcher.group(3));
        if (FreePorts.listening(host, port)) {
          ready.put(Integer.parseInt(matcher.group(1)), host + ":" + port);
        }
      }
      if (ready.size() >= nodes) {
        return ready;
      }
      if (Instant.now().isAfter(deadline) || Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException(
            "The data servers of "
                + nodes
                + " simulated nodes were not ready within "
                + timeout.toSeconds()
                + " s (ready: "
                + ready
                + "); see "
                + managerLog);
      }
      Sleep.millis(500);
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
