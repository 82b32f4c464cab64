package io.flops.builder.trainedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.builder.support.BuilderRun;
import io.flops.builder.support.TrackedMnistModel;
import io.flops.common.image.ImageUnpacker;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.UnpackedImage;
import io.flops.common.testsupport.ExternalServer;
import io.flops.inference.ScoringClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default: no registry, so the trained-model image lands in the local image store; run
 * the way the local-process orchestrator runs it (unpacked, {@code /app} mapped to the unpacked
 * files, the host's {@code java}), it serves the model named by its own environment.
 */
class TrainedModelLocalStoreIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  @TempDir Path tmp;
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
  void theStoredImageServesTheModelWithTheHostsJava() throws Exception {
    TrackedMnistModel model = TrackedMnistModel.logInto(tmp.resolve("mlruns"));
    Path store = tmp.resolve("images");
    Map<String, String> properties = new HashMap<>();
    properties.put("flops.project-id", "p-local");
    properties.put("flops.builder.plan", "trained_model");
    properties.put("flops.builder.customer-id", "Admin");
    properties.put("flops.tracking.uri", model.store().toString());
    properties.put("flops.builder.run-id", model.runId());
    properties.put("flops.builder.model-uri", model.modelUri());
    properties.put("flops.builder.platforms", "linux/amd64,linux/arm64");
    properties.put("flops.builder.local-image-store", store.toString());
    properties.put("flops.builder.base-image", "scratch");
    properties.put("flops.builder.work-dir", tmp.resolve("work").toString());
    properties.put("flops.builder.cache-dir", tmp.resolve("jib").toString());
    properties.put("flops.builder.runtime.inference", TrackedMnistModel.inferenceJar().toString());

    BuilderRun run = BuilderRun.run(properties);

    assertThat(run.exitCode()).as("failure: %s", run.result().failure()).isEqualTo(0);
    String reference = "admin/trained_model:" + model.runId();
    assertThat(run.result().outcome().images())
        .extracting(i -> i.reference())
        .containsExactly(reference);
    UnpackedImage image =
        new ImageUnpacker(new LocalImageStore(store), tmp.resolve("unpacked")).unpack(reference);
    assertThat(image.root().resolve("app/model/model.zip")).isRegularFile();
    int port = ExternalServer.freePort();
    server = start(image, port, tmp.resolve("server.log"));
    ScoringClient scoring = new ScoringClient(port);
    awaitPing(scoring, tmp.resolve("server.log"));

    float[][] rows = Arrays.copyOf(model.mnist().testFeatures(), 20);
    assertThat(scoring.postJson(Map.of("inputs", rows)).labels())
        .containsExactly(Arrays.copyOf(model.mnist().inProcessPredictions(), 20));
  }

  /** As the local-process orchestrator does: {@code /app} → the unpacked image, host java. */
  private static Process start(UnpackedImage image, int port, Path log) throws Exception {
    List<String> command =
        image.config().entrypoint().stream().map(arg -> mapped(arg, image.root())).toList();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> withJava = new java.util.ArrayList<>(command);
    withJava.set(0, java);
    ProcessBuilder builder =
        new ProcessBuilder(withJava).redirectErrorStream(true).redirectOutput(log.toFile());
    image
        .config()
        .environment()
        .forEach((k, v) -> builder.environment().put(k, mapped(v, image.root())));
    builder.environment().put("FLOPS_PORT_8080", String.valueOf(port));
    return builder.start();
  }

  private static String mapped(String text, Path root) {
    return text.replaceAll("(^|[:=@,])/app(?=/|$|:)", "$1" + root.resolve("app"));
  }

  private void awaitPing(ScoringClient scoring, Path log) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(server.isAlive())
          .as("the server exited early; its log:%n%s", Files.readString(log))
          .isTrue();
      if (scoring.isUp()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("No /ping answer within " + START_TIMEOUT);
  }
}
