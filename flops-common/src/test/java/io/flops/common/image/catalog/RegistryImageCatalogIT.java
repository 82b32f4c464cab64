package io.flops.common.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import io.flops.common.image.ImageName;
import io.flops.common.image.ImageNames;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry queries against the real CNCF registry: manifest lists, single manifests, absence. */
class RegistryImageCatalogIT extends ImageCatalogContract {

  private static final String DOCKER_LIST =
      "application/vnd.docker.distribution.manifest.list.v2+json";
  private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

  @TempDir static Path tmp;
  static ExternalServer registry;
  static String address;
  static RegistryClient client;

  @BeforeAll
  static void startRegistry() {
    registry = CncfRegistry.start(tmp.resolve("registry"));
    address = CncfRegistry.address(registry);
    client = new RegistryClient(address, true, Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Override
  ImageCatalog catalog() {
    return new RegistryImageCatalog(client);
  }

  @Override
  String registry() {
    return address;
  }

  @Override
  void storeForHost(String reference) throws Exception {
    ImageName name = ImageName.parse(reference);
    pushImage(name.repository(), name.tag(), Platform.host().architecture());
  }

  @Test
  void aManifestListExistsForEveryPlatformItNames() throws Exception {
    String amd64 = pushImage("o/r/learner", "c1-amd64", "amd64");
    String arm64 = pushImage("o/r/learner", "c1-arm64", "arm64");
    pushList("o/r/learner", "c1", DOCKER_LIST, List.of(amd64, arm64), List.of("amd64", "arm64"));
    ImageCatalog catalog = catalog();

    assertThat(catalog.platforms(address + "/o/r/learner:c1"))
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    assertThat(catalog.platforms(address + "/o/r/learner:c1-amd64"))
        .containsExactly(Platform.LINUX_AMD64);
    assertThat(catalog.exists(address + "/o/r/learner:c1-amd64", Set.of(Platform.LINUX_ARM64)))
        .isFalse();
    assertThat(catalog.platforms(address + "/o/r/learner:unknown")).isEmpty();
    String learner = ImageNames.learner(address, "https://h/o/r", "c1");
    String aggregator = ImageNames.aggregator(address, "https://h/o/r", "c1");
    assertThat(catalog.exists(aggregator, Set.of(Platform.LINUX_AMD64))).isFalse();
    assertThat(catalog.exists(learner, Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isTrue();
  }

  @Test
  void anOciIndexCountsForEveryFlopsPlatformItListsAndIgnoresOthers() throws Exception {
    String amd64 = pushImage("o/r/aggregator", "amd64-again", "amd64");
    String arm64 = pushImage("o/r/aggregator", "arm64-only", "arm64");
    String attestation = pushImage("o/r/aggregator", "attestation", "unknown");
    pushList(
        "o/r/aggregator",
        "multi",
        OCI_INDEX,
        List.of(amd64, arm64, attestation),
        List.of("amd64", "arm64", "unknown"));

    assertThat(catalog().platforms(address + "/o/r/aggregator:multi"))
        .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
    assertThat(
            catalog()
                .exists(
                    address + "/o/r/aggregator:multi",
                    List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isTrue();
  }

  @Test
  void aSinglePlatformImageCountsForItsPlatformOnly() throws Exception {
    pushImage("o/r/learner", "abc", "amd64");

    assertThat(catalog().exists(address + "/o/r/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isTrue();
    assertThat(
            catalog()
                .exists(
                    address + "/o/r/learner:abc",
                    List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isFalse();
    assertThat(catalog().exists(address + "/x/y/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isFalse();
  }

  @Test
  void anUnreachableRegistryIsAnOutsideFailureNamingIt() {
    String nowhere = "127.0.0.1:" + ExternalServer.freePort();
    RegistryImageCatalog broken =
        new RegistryImageCatalog(new RegistryClient(nowhere, true, Duration.ofSeconds(2)));

    assertThatThrownBy(
            () -> broken.exists(nowhere + "/o/r/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.OUTSIDE_FAILURE))
        .hasMessageContaining(nowhere);
  }

  /** Pushes a config blob and a single-platform manifest; returns the manifest's digest. */
  private static String pushImage(String repository, String tag, String arch) throws Exception {
    byte[] config =
        ("{\"architecture\":\""
                + arch
                + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(Files.createTempFile(tmp, "config-", ".json"), config);
    String digest = RegistryClient.digest(config);
    client.pushBlob(repository, digest, file);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.v2+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.docker.container.image.v1+json\",\"size\":"
            + config.length
            + ",\"digest\":\""
            + digest
            + "\"},\"layers\":[]}";
    return client.putManifest(
        repository,
        tag,
        "application/vnd.docker.distribution.manifest.v2+json",
        manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static void pushList(
      String repository, String tag, String type, List<String> digests, List<String> archs) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < digests.size(); i++) {
      Manifest manifest = client.manifest(repository, digests.get(i)).orElseThrow();
      String os = archs.get(i).equals("unknown") ? "unknown" : "linux";
      entries
          .append(i == 0 ? "" : ",")
          .append("{\"mediaType\":\"")
          .append(manifest.mediaType())
          .append("\",\"size\":")
          .append(manifest.raw().length)
          .append(",\"digest\":\"")
          .append(digests.get(i))
          .append("\",\"platform\":{\"architecture\":\"")
          .append(archs.get(i))
          .append("\",\"os\":\"")
          .append(os)
          .append("\"}}");
    }
    String list =
        "{\"schemaVersion\":2,\"mediaType\":\"" + type + "\",\"manifests\":[" + entries + "]}";
    client.putManifest(repository, tag, type, list.getBytes(StandardCharsets.UTF_8));
  }
}
