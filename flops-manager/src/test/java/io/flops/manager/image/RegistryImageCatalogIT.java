package io.flops.manager.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.FlopsException;
import io.flops.common.sla.Platform;
import io.flops.common.testsupport.CncfRegistry;
import io.flops.common.testsupport.ExternalServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry catalog against Debian's CNCF Distribution registry. */
class RegistryImageCatalogIT {

  @TempDir static Path work;
  static ExternalServer registry;
  static String address;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = CncfRegistry.start(work.resolve("registry"));
    address = CncfRegistry.address(registry);
    String amd64 = pushImage("o/r/learner", "amd64", "abc");
    pushImage("o/r/aggregator", "amd64", "amd64-only");
    String arm64 = pushImage("o/r/aggregator", "arm64", "arm64-only");
    String amd64Aggregator = pushImage("o/r/aggregator", "amd64", "amd64-again");
    String index =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,
          "platform":{"os":"linux","architecture":"amd64"}},
         {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d,
          "platform":{"os":"linux","architecture":"arm64"}}]}"""
            .formatted(
                amd64Aggregator,
                manifestSize("o/r/aggregator", amd64Aggregator),
                arm64,
                manifestSize("o/r/aggregator", arm64));
    put("/v2/o/r/aggregator/manifests/multi", "application/vnd.oci.image.index.v1+json", index);
    assertThat(amd64).startsWith("sha256:");
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  private final RegistryImageCatalog catalog =
      new RegistryImageCatalog(address, true, Duration.ofSeconds(10));

  @Test
  void aSinglePlatformImageCountsForItsPlatformOnly() {
    assertThat(catalog.hasImage(address + "/o/r/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isTrue();
    assertThat(
            catalog.hasImage(
                address + "/o/r/learner:abc", List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isFalse();
  }

  @Test
  void anIndexCountsForEveryPlatformItLists() {
    assertThat(
            catalog.hasImage(
                address + "/o/r/aggregator:multi",
                List.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isTrue();
  }

  @Test
  void missingTagsAndRepositoriesAreAbsent() {
    assertThat(catalog.hasImage(address + "/o/r/learner:other", List.of(Platform.LINUX_AMD64)))
        .isFalse();
    assertThat(catalog.hasImage(address + "/x/y/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isFalse();
  }

  @Test
  void anUnreachableRegistryIsAnOutsideFailureNamingIt() {
    String nowhere = "127.0.0.1:" + ExternalServer.freePort();
    RegistryImageCatalog broken = new RegistryImageCatalog(nowhere, true, Duration.ofSeconds(2));
    assertThatThrownBy(
            () -> broken.hasImage(nowhere + "/o/r/learner:abc", List.of(Platform.LINUX_AMD64)))
        .isInstanceOf(FlopsException.class)
        .hasMessageContaining(nowhere);
  }

  /** Pushes a config blob and an OCI manifest; returns the manifest's digest. */
  private static String pushImage(String repository, String architecture, String tag)
      throws Exception {
    byte[] config =
        ("{\"architecture\":\""
                + architecture
                + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"config\":{}}")
            .getBytes(StandardCharsets.UTF_8);
    String configDigest = digest(config);
    HttpResponse<String> upload =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + address + "/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = upload.headers().firstValue("Location").orElseThrow();
    String target =
        (location.startsWith("http") ? location : "http://" + address + location)
            + (location.contains("?") ? "&" : "?")
            + "digest="
            + configDigest;
    HttpResponse<String> blob =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(target))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(config))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(blob.statusCode()).as(blob.body()).isEqualTo(201);
    String manifest =
        """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[]}"""
            .formatted(configDigest, config.length);
    put(
        "/v2/" + repository + "/manifests/" + tag,
        "application/vnd.oci.image.manifest.v1+json",
        manifest);
    return digest(manifest.getBytes(StandardCharsets.UTF_8));
  }

  private static long manifestSize(String repository, String digest) throws Exception {
    HttpResponse<byte[]> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://" + address + "/v2/" + repository + "/manifests/" + digest))
                .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return response.body().length;
  }

  private static void put(String path, String type, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://" + address + path))
                .header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static String digest(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
