package io.flops.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The inference server without an image: {@code java -jar flops-inference-*-exec.jar} with {@code
 * FLOPS_INFERENCE_MODEL_DIR} pointing at a model directory, as docs/inference.md tells users.
 */
class ExecutableJarIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  @Test
  void theJarServesAModelDirectoryNamedByTheEnvironment() throws Exception {
    MnistModelFixture mnist = MnistModelFixture.get();
    int port = ExternalServer.freePort();
    Path log = Path.of("target", "executable-jar-it.log");
    server = start(mnist.directory(), port, log);
    ScoringClient client = new ScoringClient(port);
    awaitPing(client, log);

    float[][] rows = Arrays.copyOf(mnist.testFeatures(), 50);
    int[] expected = Arrays.copyOf(mnist.inProcessPredictions(), 50);
    assertThat(client.post("text/csv", ScoringClient.csv(rows, false)).labels())
        .containsExactly(expected);
    assertThat(client.postJson(Map.of("instances", rows)).labels()).containsExactly(expected);
  }

  private static Process start(Path modelDir, int port, Path log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-jar", executableJar().toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("FLOPS_INFERENCE_MODEL_DIR", modelDir.toAbsolutePath().toString());
    builder.environment().put("FLOPS_PORT_8080", String.valueOf(port));
    return builder.start();
  }

  private static Path executableJar() throws IOException {
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(Path.of("target"), "flops-inference-*-exec.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    }
    throw new IllegalStateException("No flops-inference-*-exec.jar in target; run mvn package");
  }

  private void awaitPing(ScoringClient client, Path log) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(server.isAlive())
          .as("the server exited early; its log:%n%s", Files.readString(log))
          .isTrue();
      if (client.isUp()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("The server did not answer /ping within " + START_TIMEOUT);
  }
}
