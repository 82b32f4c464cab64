package io.flops.images;

import io.flops.cli.client.ManagerClient;
import io.flops.cli.demo.ManagerProcess;
import io.flops.cli.demo.SimulatedNodes;
import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The manager jar on this host with the Docker orchestrator on Podman: services run as containers
 * from the registry's images, share the data directory, and reach the manager's embedded broker at
 * this host's address.
 */
final class ContainerManager {

  private final Process process;
  private final Path log;
  private final ManagerClient client;

  private ContainerManager(Process process, Path log, ManagerClient client) {
    this.process = process;
    this.log = log;
    this.client = client;
  }

  /** The tokens of the data servers the manager starts. */
  static final String READER_TOKEN = "it-reader-token";

  static final String WRITER_TOKEN = "it-writer-token";
  static final String ADMIN_TOKEN = "it-admin-token";

  static ContainerManager start(BuiltImages images, int podmanPort, Path data, Path work)
      throws IOException {
    int port = ExternalServer.freePort();
    int mqtt = ExternalServer.freePort();
    String host = DockerProjectIT.hostAddress();
    List<String> command =
        List.of(
            DockerProjectIT.java(),
            "-jar",
            FlopsJars.exec("manager").toString(),
            "--server.port=" + port,
            "--flops.data-dir=" + data,
            "--flops.orchestrator.type=docker",
            "--flops.orchestrator.docker.host=tcp://127.0.0.1:" + podmanPort,
            "--flops.orchestrator.docker.network=flopsproject",
            "--flops.registry=" + images.address(),
            "--flops.registry-plain-http=true",
            "--flops.images.observer=" + images.service("observer"),
            "--flops.images.builder=" + images.service("builder"),
            "--flops.images.dataserver=" + images.service("dataserver"),
            "--flops.images.jre-base=" + images.jreBase(),
            "--flops.mqtt.embedded-host=0.0.0.0",
            "--flops.mqtt.embedded-port=" + mqtt,
            "--flops.mqtt.public-url=tcp://" + host + ":" + mqtt,
            "--flops.tracking.deploy-server=never",
            "--flops.lifecycle.observer-grace=0s",
            // the test commits the example repository into its work folder
            "--flops.repositories.allowed-file-roots=" + work,
            // configured rather than derived, so the test pushes data as a writer
            "--flops.data-servers.reader-token=" + READER_TOKEN,
            "--flops.data-servers.writer-token=" + WRITER_TOKEN,
            "--flops.data-servers.admin-token=" + ADMIN_TOKEN);
    Path log = work.resolve("manager.log");
    Process process =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ManagerClient client =
        new ManagerClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(30));
    new ContainerManager(process, log, client).awaitReady(Duration.ofMinutes(3));
    // the admin token the manager wrote on its first start
    return new ContainerManager(process, log, client.withToken(ManagerProcess.adminToken(data)));
  }

  ManagerClient client() {
    return client;
  }

  /**
   * Waits until the manager lists {@code nodes} data servers that answered it ({@code GET
   * /api/flops/nodes}); their host-published addresses.
   */
  List<String> dataServers(int nodes, Duration timeout) {
    if (!process.isAlive()) {
      throw new AssertionError("The manager ended; see " + log);
    }
    return List.copyOf(SimulatedNodes.await(client, nodes, timeout).values());
  }

  private void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!client.alive()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        throw new AssertionError("The manager did not start; see " + log + ":\n" + read());
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private String read() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
