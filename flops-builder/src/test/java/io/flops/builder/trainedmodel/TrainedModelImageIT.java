package io.flops.builder.trainedmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.builder.support.BuilderRun;
import io.flops.builder.support.TestBaseImage;
import io.flops.builder.support.TrackedMnistModel;
import io.flops.common.events.ComponentEvent;
import io.flops.common.image.ImageName;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import io.flops.inference.ScoringClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trained-model plan end to end: a real MNIST model logged into an MLflow file store is built
 * into a local CNCF registry for linux/amd64 and linux/arm64, read back over the registry API, and
 * the amd64 image is run under Podman, where it answers {@code /ping} and predicts MNIST digits.
 */
class TrainedModelImageIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final int ROWS = 50;

  @TempDir static Path tmp;
  private static ExternalServer registry;
  private static RegistryClient client;
  private static TrackedMnistModel model;
  private static BuilderRun run;
  private static String image;
  private static final String CONTAINER = "flops-trained-model-it-" + UUID.randomUUID();

  @BeforeAll
  static void buildOnce() throws Exception {
    registry = CncfRegistry.start(tmp.resolve("registry"));
    String address = CncfRegistry.address(registry);
    client = new RegistryClient(address, true, Duration.ofSeconds(30));
    String baseImage = TestBaseImage.pushTo(address);
    model = TrackedMnistModel.logInto(tmp.resolve("mlruns"));
    Map<String, String> properties = new HashMap<>();
    properties.put("flops.project-id", "p-trained");
    properties.put("flops.builder.plan", "trained_model");
    properties.put("flops.builder.customer-id", "Ada Lovelace");
    properties.put("flops.tracking.uri", model.store().toUri().toString());
    properties.put("flops.builder.run-id", model.runId());
    properties.put("flops.builder.model-uri", model.modelUri());
    properties.put("flops.builder.platforms", "linux/amd64,linux/arm64");
    properties.put("flops.builder.registry", address);
    properties.put("flops.builder.base-image", baseImage);
    properties.put("flops.builder.work-dir", tmp.resolve("work").toString());
    properties.put("flops.builder.cache-dir", tmp.resolve("jib").toString());
    properties.put("flops.builder.runtime.inference", TrackedMnistModel.inferenceJar().toString());
    run = BuilderRun.run(properties);
    image = address + "/ada-lovelace/trained_model:" + model.runId();
  }

  @AfterAll
  static void stop() throws Exception {
    podman("rm", "-f", CONTAINER);
    podman("rmi", "-f", image);
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void reportsTheImageTheRunAndTheStepTimings() {
    assertThat(run.exitCode()).as("failure: %s", run.result().failure()).isEqualTo(0);
    ComponentEvent.BuilderSucceeded success =
        run.events().componentEvents.stream()
            .filter(ComponentEvent.BuilderSucceeded.class::isInstance)
            .map(ComponentEvent.BuilderSucceeded.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(success.plan()).isEqualTo(ComponentEvent.BuildPlan.TRAINED_MODEL);
    assertThat(success.images()).containsExactly(image);
    assertThat(success.commit()).isEqualTo(model.runId());
    assertThat(success.timingsMillis())
        .containsKeys("fetch_model", "runtime", "model_image", "total");
  }

  @Test
  void eachPlatformHoldsTheModelAndItsOwnNatives() throws Exception {
    ImageName name = ImageName.parse(image);
    Manifest list = client.manifest(name.repository(), name.tag()).orElseThrow();
    assertThat(list.entries())
        .extracting(entry -> entry.platform().orElseThrow())
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    for (Manifest.Entry entry : list.entries()) {
      Manifest manifest = client.manifest(name.repository(), entry.digest()).orElseThrow();
      List<Manifest.Descriptor> layers = manifest.layers();
      String own =
          entry.platform().orElseThrow() == Platform.LINUX_AMD64 ? "linux-x86_64" : "linux-arm64";
      String other = own.equals("linux-x86_64") ? "linux-arm64" : "linux-x86_64";
      assertThat(files(name.repository(), layers.get(layers.size() - 2)))
          .contains("app/natives/nd4j-native-1.0.0-M2.1-" + own + ".jar")
          .contains("app/natives/openblas-0.3.19-1.5.7-" + own + ".jar")
          .noneMatch(file -> file.contains(other));
      assertThat(files(name.repository(), layers.get(layers.size() - 1)))
          .contains("app/model/MLmodel", "app/model/model.zip");
      JsonNode config =
          JSON.readTree(client.blob(name.repository(), manifest.config().digest())).path("config");
      assertThat(config.path("Env").toString())
          .contains("FLOPS_INFERENCE_MODEL_DIR=/app/model", "JAVA_HOME=/opt/java");
      assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
      assertThat(config.path("User").asText()).isEqualTo("65532");
      assertThat(config.path("Labels").path("io.flops.run-id").asText()).isEqualTo(model.runId());
      assertThat(config.path("Labels").path("io.flops.project").asText()).isEqualTo("p-trained");
      assertThat(config.path("Labels").path("io.flops.flavor").asText()).isEqualTo("dl4j");
    }
  }

  @Test
  void theAmd64ImageServesTheModelUnderPodman() throws Exception {
    ExternalServer.requireBinary("podman", "podman");
    int port = ExternalServer.freePort();
    Process start =
        new ProcessBuilder(
                "podman",
                "run",
                "-d",
                "--name",
                CONTAINER,
                "--pull=always",
                "--tls-verify=false",
                "--runtime",
                "runc",
                "--ulimit",
                "nofile=1024:1024",
                "--ulimit",
                "nproc=1024:1024",
                "--platform",
                "linux/amd64",
                "--network",
                "host",
                "-e",
                "FLOPS_PORT_8080=" + port,
                image)
            .redirectErrorStream(true)
            .start();
    String started = new String(start.getInputStream().readAllBytes());
    assertThat(start.waitFor()).as("podman run: %s", started).isEqualTo(0);
    ScoringClient scoring = new ScoringClient(port);
    awaitPing(scoring);

    float[][] rows = Arrays.copyOf(model.mnist().testFeatures(), ROWS);
    int[] predicted = scoring.post("text/csv", ScoringClient.csv(rows, false)).labels();
    assertThat(predicted)
        .containsExactly(Arrays.copyOf(model.mnist().inProcessPredictions(), ROWS));
    assertThat(model.mnist().accuracy(predicted)).isGreaterThan(0.8);
    assertThat(scoring.postJson(Map.of("instances", new float[][] {rows[0]})).labels())
        .containsExactly(model.mnist().inProcessPredictions()[0]);
  }

  private static void awaitPing(ScoringClient scoring) throws Exception {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (scoring.isUp()) {
        return;
      }
      String state = podman("inspect", "-f", "{{.State.Running}}", CONTAINER).strip();
      assertThat(state).as("the container stopped; its log:%n%s", logs()).isEqualTo("true");
      Thread.sleep(500);
    }
    throw new AssertionError("No /ping answer within " + START_TIMEOUT + "; log:\n" + logs());
  }

  private static String logs() throws Exception {
    return podman("logs", CONTAINER);
  }

  private static String podman(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return output;
  }

  private static List<String> files(String repository, Manifest.Descriptor layer)
      throws IOException {
    List<String> names = new ArrayList<>();
    try (var tar =
        new TarArchiveInputStream(
            new GZIPInputStream(
                new ByteArrayInputStream(client.blob(repository, layer.digest()))))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        names.add(entry.getName().replaceFirst("^/", ""));
      }
    }
    return names;
  }
}
