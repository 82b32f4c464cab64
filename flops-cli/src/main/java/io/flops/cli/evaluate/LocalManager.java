package io.flops.cli.evaluate;

import io.flops.cli.client.ManagerClient;
import io.flops.cli.demo.FreePorts;
import io.flops.cli.demo.ManagerProcess;
import io.flops.cli.demo.SimulatedNodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A manager on the embedded defaults started by {@code flops evaluate} as a child process (the
 * demo's {@link ManagerProcess}), ready once it answers and the data servers of its simulated nodes
 * accept connections.
 */
final class LocalManager implements AutoCloseable {

  private static final Duration START = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

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
    int port = FreePorts.any();
    progress.accept("Starting the manager on port " + port + " (data " + dataDir + ") ...");
    LocalManager manager = new LocalManager(ManagerProcess.start(home, dataDir, port, managerArgs));
    try {
      manager.process.awaitReady(START);
      SimulatedNodes.await(manager.client(), nodes, START);
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
}
