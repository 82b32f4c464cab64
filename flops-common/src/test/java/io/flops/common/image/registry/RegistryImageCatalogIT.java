package io.flops.common.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registry queries against the real CNCF registry: manifest lists, single manifests, absence. */
class RegistryImageCatalogIT {

  @TempDir Path tmp;

  @Test
  void tellsWhichPlatformsAnImageExistsFor() throws Exception {
    try (ExternalServer registry = CncfRegistry.start(tmp.resolve("registry"))) {
      RegistryClient client =
          new RegistryClient(CncfRegistry.address(registry), true, Duration.ofSeconds(10));
      String amd64 = pushImage(client, "o/r/learner", "amd64");
      String arm64 = pushImage(client, "o/r/learner", "arm64");
      String list =
          "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\","
              + "\"manifests\":["
              + entry(client, amd64, "amd64")
              + ","
              + entry(client, arm64, "arm64")
              + "]}";
      client.putManifest(
          "o/r/learner",
          "c1",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          list.getBytes(StandardCharsets.UTF_8));
      RegistryImageCatalog catalog = new RegistryImageCatalog(client);
      String address = CncfRegistry.address(registry);

      assertThat(catalog.platforms(address + "/o/r/learner:c1"))
          .containsExactly(Platform.LINUX_AMD64, Platform.LINUX_ARM64);
      assertThat(catalog.platforms(address + "/o/r/learner:c1-amd64"))
          .containsExactly(Platform.LINUX_AMD64);
      assertThat(catalog.exists(address + "/o/r/learner:c1-amd64", Set.of(Platform.LINUX_ARM64)))
          .isFalse();
      assertThat(catalog.platforms(address + "/o/r/learner:unknown")).isEmpty();
      ActorImages images = ActorImages.of(address, "https://h/o/r", "c1");
      assertThat(catalog.exists(images, Set.of(Platform.LINUX_AMD64))).isFalse();
      assertThat(
              catalog.exists(images.learner(), Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
          .isTrue();
    }
  }

  private String pushImage(RegistryClient client, String repository, String arch) throws Exception {
    byte[] config =
        ("{\"architecture\":\""
                + arch
                + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}")
            .getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(tmp.resolve("config-" + arch), config);
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
        "c1-" + arch,
        "application/vnd.docker.distribution.manifest.v2+json",
        manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static String entry(RegistryClient client, String digest, String arch) {
    Manifest manifest = client.manifest("o/r/learner", digest).orElseThrow();
    return "{\"mediaType\":\""
        + manifest.mediaType()
        + "\",\"size\":"
        + manifest.raw().length
        + ",\"digest\":\""
        + digest
        + "\",\"platform\":{\"architecture\":\""
        + arch
        + "\",\"os\":\"linux\"}}";
  }
}
