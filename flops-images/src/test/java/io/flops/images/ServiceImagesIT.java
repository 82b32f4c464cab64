package io.flops.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service images built by the real jib-maven-plugin into Debian's docker-registry with no
 * Docker daemon: multi-platform, non-root, a sane size; the manager image runs under Podman and
 * answers its health check.
 */
class ServiceImagesIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = BuiltImages.WORK;

  /**
   * Upper bounds per service: the base is about 33 MB; the builder also carries Maven and the
   * learner, aggregator and inference runtime jars (DL4J's natives make up most of them).
   */
  private static final Map<String, Long> MAX_COMPRESSED_MB =
      Map.of(
          "manager",
          200L,
          "observer",
          150L,
          "dataserver",
          150L,
          "inference",
          350L,
          "builder",
          700L);

  private static String address;
  private static RegistryClient client;

  @BeforeAll
  static void buildImages() {
    address = BuiltImages.get().address();
    client = new RegistryClient(address, true, Duration.ofSeconds(60));
  }

  @Test
  void everyServiceImageIsAManifestListForAmd64AndArm64OfASaneSize() {
    for (String service : ServiceImageBuild.SERVICES) {
      Manifest list = manifest("flops/" + service, Images.version());
      assertThat(list.isList()).as(service + " is a manifest list").isTrue();
      assertThat(list.entries().stream().map(entry -> entry.platform().orElseThrow()))
          .as(service + " platforms")
          .containsExactlyInAnyOrder(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
      for (Manifest.Entry entry : list.entries()) {
        long compressed = compressedSize(manifest("flops/" + service, entry.digest()));
        System.out.printf(
            "%s %s: %d MB compressed%n", service, entry.platform().orElseThrow(), compressed >> 20);
        assertThat(compressed)
            .as(service + " " + entry.platform().orElseThrow() + " compressed bytes")
            .isBetween(40L << 20, MAX_COMPRESSED_MB.get(service) << 20);
      }
    }
  }

  @Test
  void theImagesRunAsNonRootWithTheirMainClassPortsAndLabels() throws IOException {
    Map<String, List<String>> ports =
        Map.of(
            "manager", List.of("5072/tcp"),
            "observer", List.of("2727/tcp"),
            "dataserver", List.of("11027/tcp", "11028/tcp"),
            "inference", List.of("8080/tcp"),
            "builder", List.of());
    for (String service : ServiceImageBuild.SERVICES) {
      JsonNode config = amd64Config("flops/" + service).path("config");
      assertThat(config.path("User").asText()).as(service + " user").isEqualTo("65532:65532");
      assertThat(config.path("WorkingDir").asText()).isEqualTo("/var/lib/flops");
      assertThat(fieldNames(config.path("ExposedPorts")))
          .as(service + " ports")
          .containsExactlyInAnyOrderElementsOf(ports.get(service));
      assertThat(config.path("Labels").path("io.flops.service").asText()).isEqualTo(service);
      assertThat(config.path("Entrypoint").toString())
          .contains("@/app/jib-classpath-file", "io.flops.");
    }
  }

  @Test
  void theManagerImageStartsUnderPodmanAndAnswersItsHealthCheck() throws Exception {
    Podman podman = new Podman(WORK);
    String image = address + "/flops/manager:" + Images.version();
    String container = "flops-images-it-" + ProcessHandle.current().pid();
    int port = ExternalServer.freePort();
    try {
      podman.expect(
          "run",
          "-d",
          "--name",
          container,
          "--pull=always",
          "--tls-verify=false",
          "-p",
          "127.0.0.1:" + port + ":5072",
          image);

      String health = awaitHealthy(URI.create("http://127.0.0.1:" + port + "/actuator/health"));
      assertThat(JSON.readTree(health).path("status").asText()).isEqualTo("UP");
      // The compose file's health check: the shell-less probe with the image's own java.
      Command.Result probe =
          podman.run(
              "exec",
              container,
              "java",
              "-cp",
              "@/app/jib-classpath-file",
              "io.flops.common.health.HealthProbe",
              "http://127.0.0.1:5072/actuator/health");
      assertThat(probe.exitCode()).as(probe.output()).isZero();
      assertThat(podman.expect("exec", container, "java", "-XshowSettings:properties", "-version"))
          .contains("user.name = nonroot");
    } finally {
      podman.removeQuietly(container, image);
    }
    assertThat(podman.expect("ps", "-a", "--filter", "name=" + container, "--format", "{{.ID}}"))
        .isEmpty();
  }

  @Test
  void theBuilderImageRunsMavenWithACompilerAndHoldsTheRuntimes() {
    Podman podman = new Podman(WORK);
    String image = address + "/flops/builder:" + Images.version();
    String container = "flops-images-builder-" + ProcessHandle.current().pid();
    try {
      String maven =
          podman.expect(
              "run",
              "--name",
              container,
              "--pull=always",
              "--tls-verify=false",
              "--entrypoint",
              "/opt/maven/bin/mvn",
              image,
              "-v");
      assertThat(maven).contains("Apache Maven 3.9.", "Java version: 17", "/opt/java");
      podman.expect("rm", container);
      assertThat(podman.expect("run", "--rm", "--entrypoint", "java", image, "--list-modules"))
          .contains("jdk.compiler@17");
      assertThat(podman.expect("run", "--rm", "--entrypoint", "ls", image, "/opt/flops/runtime"))
          .contains(
              "flops-learner-exec.jar", "flops-aggregator-exec.jar", "flops-inference-exec.jar");
    } finally {
      podman.removeQuietly(container, image);
    }
  }

  private static String awaitHealthy(URI url) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    String last = "no answer";
    while (Instant.now().isBefore(deadline)) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return response.body();
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("The manager container never answered " + url + " with 200: " + last);
  }

  private static Manifest manifest(String repository, String reference) {
    return client
        .manifest(repository, reference)
        .orElseThrow(() -> new AssertionError(repository + ":" + reference + " is not pushed"));
  }

  private static long compressedSize(Manifest image) {
    return image.config().size()
        + image.layers().stream().mapToLong(Manifest.Descriptor::size).sum();
  }

  private static JsonNode amd64Config(String repository) throws IOException {
    Manifest list = manifest(repository, Images.version());
    String digest =
        list.entries().stream()
            .filter(e -> e.platform().equals(Optional.of(Platform.LINUX_AMD64)))
            .findFirst()
            .orElseThrow()
            .digest();
    Manifest image = manifest(repository, digest);
    return JSON.readTree(client.blob(repository, image.config().digest()));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names.stream().sorted().collect(Collectors.toList());
  }
}
