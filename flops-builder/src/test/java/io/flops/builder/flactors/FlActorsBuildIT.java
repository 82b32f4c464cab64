package io.flops.builder.flactors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.builder.image.ActorLayers;
import io.flops.builder.maven.MlApiArtifact;
import io.flops.builder.support.BuilderRun;
import io.flops.builder.support.FixtureRuntime;
import io.flops.builder.support.TestBaseImage;
import io.flops.builder.support.TestRepos;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ObserverEvent;
import io.flops.common.image.ImageName;
import io.flops.common.image.ImageNames;
import io.flops.common.image.catalog.RegistryImageCatalog;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a small DL4J repository into a real CNCF registry for linux/amd64 and linux/arm64 once,
 * then reads the images back over the registry API, runs the amd64 learner under Podman and
 * rebuilds after a one-class change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FlActorsBuildIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HYPER = "src/main/java/org/example/mini/Hyper.java";

  @TempDir static Path tmp;
  private static ExternalServer registry;
  private static RegistryClient client;
  private static String baseImage;
  private static Path repo;
  private static Path learner;
  private static Path aggregator;
  private static BuilderRun first;

  @BeforeAll
  static void buildOnce() throws Exception {
    registry = CncfRegistry.start(tmp.resolve("registry"));
    client = new RegistryClient(CncfRegistry.address(registry), true, Duration.ofSeconds(30));
    baseImage = TestBaseImage.pushTo(CncfRegistry.address(registry));
    learner = FixtureRuntime.jar(tmp, "learner");
    aggregator = FixtureRuntime.jar(tmp, "aggregator");
    repo = TestRepos.create("dl4j-mini", tmp.resolve("owner/dl4j-mini"));
    first = build();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  @Order(1)
  void reportsSuccessWithCommitImagesTimingsAndBytes() throws Exception {
    assertThat(first.exitCode()).isEqualTo(0);
    var success = succeeded(first);
    assertThat(success.commit()).isEqualTo(head());
    assertThat(success.images()).containsExactly(learnerImage(), aggregatorImage());
    assertThat(success.timingsMillis())
        .containsKeys("clone", "validate", "compile", "learner_image", "aggregator_image", "total");
    assertThat(success.bytesPushed()).isGreaterThan(20_000_000L);
    assertThat(first.events().observerEvents)
        .filteredOn(e -> e.kind() == ObserverEvent.Kind.BUILD_STEP)
        .extracting(e -> e.data().get("step"))
        .contains("clone", "compile", "learner_image");
  }

  @Test
  @Order(2)
  void eachImageIsAManifestListWithItsOwnBaseAndNativesPerPlatform() throws Exception {
    Manifest base = client.manifest("flops/jre", "17").orElseThrow();
    for (String image : List.of(learnerImage(), aggregatorImage())) {
      ImageName name = ImageName.parse(image);
      Manifest list = client.manifest(name.repository(), name.tag()).orElseThrow();
      assertThat(list.isList()).isTrue();
      assertThat(new RegistryImageCatalog(client).platforms(image))
          .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
      for (Manifest.Entry entry : list.entries()) {
        Manifest manifest = client.manifest(name.repository(), entry.digest()).orElseThrow();
        Platform platform = entry.platform().orElseThrow();
        Manifest platformBase = platformManifest(base, platform);
        assertThat(manifest.layers().get(0).digest())
            .isEqualTo(platformBase.layers().get(0).digest());
        assertThat(manifest.layers().get(1).digest())
            .isEqualTo(platformBase.layers().get(1).digest());
        List<String> natives = files(name.repository(), manifest.layers().get(4));
        String own = platform == Platform.LINUX_AMD64 ? "linux-x86_64" : "linux-arm64";
        String other = own.equals("linux-x86_64") ? "linux-arm64" : "linux-x86_64";
        assertThat(natives)
            .contains("app/natives/nd4j-native-1.0.0-M2.1-" + own + ".jar")
            .noneMatch(file -> file.contains(other));
        assertConfig(name.repository(), manifest, platform, image);
      }
    }
  }

  @Test
  @Order(3)
  void amd64LearnerRunsUnderPodmanAndLooksForItsAggregator() throws Exception {
    ExternalServer.requireBinary("podman", "podman");
    int port = ExternalServer.freePort();
    Process podman =
        new ProcessBuilder(
                "podman",
                "run",
                "--rm",
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
                "FLOPS_LEARNER_AGGREGATOR_ADDRESS=127.0.0.1:" + port,
                learnerImage())
            .redirectErrorStream(true)
            .start();
    String output = new String(podman.getInputStream().readAllBytes());
    podman.waitFor();
    new ProcessBuilder("podman", "rmi", "-f", learnerImage())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start()
        .waitFor();
    assertThat(output)
        .contains("Loaded org.example.mini.MiniModelManager with 12730 parameters")
        .contains("on amd64")
        .contains("No aggregator reachable at 127.0.0.1:" + port);
  }

  @Test
  @Order(4)
  void rebuildAfterChangingOneClassPushesOnlyTheClassesLayer() throws Exception {
    Files.writeString(
        repo.resolve(HYPER),
        Files.readString(repo.resolve(HYPER)).replace("HIDDEN = 16", "HIDDEN = 17"));
    TestRepos.commitAll(repo, "wider hidden layer");
    BuilderRun second = build();
    assertThat(second.exitCode()).isEqualTo(0);
    List<String> classesLayers = new ArrayList<>();
    List<String> configs = new ArrayList<>();
    for (String image : List.of(learnerImage(), aggregatorImage())) {
      ImageName name = ImageName.parse(image);
      for (Manifest.Entry entry :
          client.manifest(name.repository(), name.tag()).orElseThrow().entries()) {
        Manifest manifest = client.manifest(name.repository(), entry.digest()).orElseThrow();
        classesLayers.add(manifest.layers().get(manifest.layers().size() - 1).digest());
        configs.add(manifest.config().digest());
      }
    }
    List<String> pushed = second.result().outcome().pushedBlobs();
    assertThat(pushed).isNotEmpty().allMatch(d -> classesLayers.contains(d) || configs.contains(d));
    assertThat(pushed).containsAnyElementsOf(classesLayers);
    assertThat(succeeded(second).bytesPushed())
        .isLessThan(200_000L)
        .isLessThan(succeeded(first).bytesPushed() / 100);
  }

  private static BuilderRun build() {
    Map<String, String> properties = new HashMap<>();
    properties.put("flops.project-id", "p-1");
    properties.put("flops.builder.repo-url", TestRepos.url(repo));
    properties.put("flops.builder.platforms", "linux/amd64,linux/arm64");
    properties.put("flops.builder.registry", CncfRegistry.address(registry));
    properties.put("flops.builder.base-image", baseImage);
    properties.put("flops.builder.work-dir", tmp.resolve("work").toString());
    properties.put("flops.builder.cache-dir", tmp.resolve("jib").toString());
    properties.put("flops.builder.runtime.learner", learner.toString());
    properties.put("flops.builder.runtime.aggregator", aggregator.toString());
    properties.put(
        "flops.builder.maven.command",
        Path.of("..", "mvnw").toAbsolutePath().normalize().toString());
    return BuilderRun.run(properties);
  }

  private static ComponentEvent.BuilderSucceeded succeeded(BuilderRun run) {
    return run.events().componentEvents.stream()
        .filter(ComponentEvent.BuilderSucceeded.class::isInstance)
        .map(ComponentEvent.BuilderSucceeded.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static String learnerImage() throws Exception {
    return ImageNames.learner(CncfRegistry.address(registry), TestRepos.url(repo), head());
  }

  private static String aggregatorImage() throws Exception {
    return ImageNames.aggregator(CncfRegistry.address(registry), TestRepos.url(repo), head());
  }

  private static String head() throws Exception {
    try (var git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
      return git.getRepository().resolve("HEAD").name();
    }
  }

  private static Manifest platformManifest(Manifest list, Platform platform) {
    String digest =
        list.entries().stream()
            .filter(e -> e.platform().equals(Optional.of(platform)))
            .findFirst()
            .orElseThrow()
            .digest();
    return client.manifest("flops/jre", digest).orElseThrow();
  }

  private static void assertConfig(
      String repository, Manifest manifest, Platform platform, String image) throws IOException {
    JsonNode config = JSON.readTree(client.blob(repository, manifest.config().digest()));
    assertThat(config.path("architecture").asText()).isEqualTo(platform.architecture());
    JsonNode entrypoint = config.path("config").path("Entrypoint");
    assertThat(entrypoint.get(0).asText()).isEqualTo("java");
    assertThat(entrypoint.toString())
        .contains(ActorLayers.CLASSPATH)
        .contains("io.flops.fixture.FixtureActor");
    JsonNode labels = config.path("config").path("Labels");
    assertThat(labels.path("io.flops.commit").asText()).isEqualTo(ImageName.parse(image).tag());
    assertThat(labels.path("io.flops.repo").asText()).isEqualTo(TestRepos.url(repo));
    assertThat(labels.path("io.flops.flavor").asText()).isEqualTo("dl4j");
    assertThat(labels.path("io.flops.version").asText()).isEqualTo(MlApiArtifact.flopsVersion());
    assertThat(config.path("created").asText()).startsWith("1970-01-01T00:00:00");
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
