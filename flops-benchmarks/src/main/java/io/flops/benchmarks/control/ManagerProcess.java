package io.flops.benchmarks.control;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A FLOps manager in its own JVM on the simulated orchestrator (its embedded store and broker, a
 * data dir of its own), as the control-plane benchmark drives it over HTTP.
 */
final class ManagerProcess implements AutoCloseable {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private final Process process;
  private final int port;

  private ManagerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the manager of {@code jar} and waits until it answers.
   *
   * @param javaOptions further options of the manager's JVM (e.g. a flight recording)
   * @param settings further {@code --name=value} settings
   */
  static ManagerProcess start(
      Path jar,
      Path dataDir,
      String heap,
      List<String> javaOptions,
      String token,
      List<String> settings,
      Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--flops.data-dir=" + dataDir);
    command.add("--flops.mqtt.embedded-port=" + freePort());
    command.add("--flops.admin-token=" + token);
    command.add("--flops.orchestrator.type=simulated");
    command.add("--logging.level.root=WARN");
    command.addAll(settings);
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ManagerProcess manager = new ManagerProcess(process, port);
    manager.awaitHealthy(Duration.ofMinutes(2), log);
    return manager;
  }

  /** The manager's base URL. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The manager's used heap in MiB now, or after a full collection (its live data). */
  long usedHeapMib(boolean afterCollection) throws IOException, InterruptedException {
    if (afterCollection) {
      jcmd("GC.run");
    }
    Matcher used = USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("jcmd GC.heap_info printed no used heap");
    }
    return Long.parseLong(used.group(1)) / 1024;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy(Duration within, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The manager exited with " + process.exitValue() + ": " + tail(log));
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException(
        "The manager did not answer within " + within + ": " + tail(log));
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process run =
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes());
    run.waitFor();
    return output;
  }

  private static String tail(Path log) throws IOException {
    try (Stream<String> lines = Files.lines(log)) {
      List<String> all = lines.toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - 20), all.size()));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
