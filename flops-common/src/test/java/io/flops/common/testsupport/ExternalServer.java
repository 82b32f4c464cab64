package io.flops.common.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real server binary (Mosquitto, the CNCF registry, Podman's API service) started by a test on a
 * free loopback port and stopped when the test closes it. A missing binary fails the test loudly
 * with the package to install; {@code .ci/run} installs every one of them.
 */
public final class ExternalServer implements AutoCloseable {

  private final String name;
  private final Process process;
  private final int port;
  private final Path workDir;

  private ExternalServer(String name, Process process, int port, Path workDir) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.workDir = workDir;
  }

  /**
   * Starts {@code command} in {@code workDir} and waits until {@code port} accepts connections.
   *
   * @param debianPackage the package that provides the binary, named in the failure message
   */
  public static ExternalServer start(
      String name, String debianPackage, List<String> command, int port, Path workDir) {
    requireBinary(command.get(0), debianPackage);
    try {
      Files.createDirectories(workDir);
      Process process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve(name + ".log").toFile())
              .start();
      ExternalServer server = new ExternalServer(name, process, port, workDir);
      server.awaitPort(Duration.ofSeconds(30));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("Could not start " + name + ": " + e.getMessage(), e);
    }
  }

  /** Fails with a clear message when {@code binary} is not on the PATH. */
  public static void requireBinary(String binary, String debianPackage) {
    boolean found =
        binary.contains("/")
            ? Files.isExecutable(Path.of(binary))
            : List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    if (!found) {
      throw new IllegalStateException(
          binary
              + " is not installed: run .ci/run, or apt-get install -y "
              + debianPackage
              + " (this test needs the real server and is not skipped)");
    }
  }

  /** A TCP port on 127.0.0.1 that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void awaitPort(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + "; see "
                + workDir.resolve(name + ".log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    close();
    throw new IllegalStateException(
        name + " did not listen on port " + port + " within " + timeout);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public int port() {
    return port;
  }

  public Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
