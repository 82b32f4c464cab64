package io.flops.cli.evaluate;

import io.flops.cli.client.ManagerClient;
import io.flops.cli.demo.ManagerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A manager on the embedded defaults started by {@code flops evaluate} as a child process (the
 * demo's {@link ManagerProcess}), ready once it answers and the data servers of its simulated nodes
 * accept connections.
 */
final class LocalManager implements AutoCloseable {

  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);
  private static final Pattern NODE =
      Pattern.compile("Data server of simulated node (\\d+) listens on ([^\\s:]+):(\\d+)");

  private final ManagerProcess process;

  private LocalManager(ManagerProcess process) {
    this.process = process;
  }

  /**
   * Starts the manager of installation {@code home} with its data in {@code dataDir} (which must be
   * empty or missing) and waits until it and {@code nodes} simulated nodes are ready.
   */
  static LocalManager start(
      Path home, Path dataDir, List<String> managerArgs, int nodes, Consumer<String> progress) {
    requireEmpty(dataDir);
    int port = freePort();
    progress.accept("Starting the manager on port " + port + " (data " + dataDir + ") ...");
    LocalManager manager = new LocalManager(ManagerProcess.start(home, dataDir, port, managerArgs));
    try {
      manager.process.awaitReady(START);
      manager.awaitNodes(nodes);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    return manager;
  }

  ManagerClient client() {
    return process.client();
  }

  /** Stops the manager and everything it started; kills what outlives the grace period. */
  @Override
  public void close() {
    process.stop(STOP_GRACE);
  }

  private void awaitNodes(int nodes) {
    Instant deadline = Instant.now().plus(START);
    while (listeningNodes() < nodes) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "The data servers of "
                + nodes
                + " simulated nodes were not ready within "
                + START.toSeconds()
                + " s; see "
                + process.log());
      }
      pause();
    }
  }

  private long listeningNodes() {
    String log;
    try {
      log = Files.readString(process.log());
    } catch (IOException e) {
      return 0;
    }
    Matcher matcher = NODE.matcher(log);
    long listening = 0;
    while (matcher.find()) {
      if (listening(matcher.group(2), Integer.parseInt(matcher.group(3)))) {
        listening++;
      }
    }
    return listening;
  }

  private static boolean listening(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not find a free port for the manager", e);
    }
  }

  private static void requireEmpty(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new IllegalStateException(
            "The manager's data directory "
                + dir
                + " is not empty; remove it or choose another --data-dir or --out");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + dir, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the manager started", e);
    }
  }
}
