package io.flops.manager.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.FlopsException;
import io.flops.common.image.ImageName;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Looks images up in a registry through the Docker Registry HTTP API v2: the manifest of the tag (a
 * manifest list / OCI index names its platforms; a single manifest's config names its one).
 */
public class RegistryImageCatalog implements ImageCatalog {

  private static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  private final String registry;
  private final boolean plainHttp;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param registry {@code host:port}
   * @param plainHttp plain HTTP instead of HTTPS
   */
  public RegistryImageCatalog(String registry, boolean plainHttp, Duration timeout) {
    this.registry = registry;
    this.plainHttp = plainHttp;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public boolean hasImage(String imageReference, List<Platform> platforms) {
    ImageName name = ImageName.parse(imageReference);
    JsonNode manifest = get("/v2/" + name.repository() + "/manifests/" + name.tag());
    if (manifest == null) {
      return false;
    }
    Set<String> available = new HashSet<>();
    if (manifest.has("manifests")) {
      manifest.get("manifests").forEach(m -> available.add(platform(m.path("platform"))));
    } else {
      String digest = manifest.path("config").path("digest").asText();
      JsonNode config = get("/v2/" + name.repository() + "/blobs/" + digest);
      if (config != null) {
        available.add(platform(config));
      }
    }
    return platforms.stream().allMatch(p -> available.contains(p.jsonName()));
  }

  private static String platform(JsonNode node) {
    return node.path("os").asText() + "/" + node.path("architecture").asText();
  }

  private JsonNode get(String path) {
    URI uri = URI.create(baseUrl() + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", ACCEPT).GET().build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 404) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw FlopsException.outsideFailure(
            "Registry " + registry + " answered " + response.statusCode() + " for " + path, null);
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw FlopsException.outsideFailure(
          "Registry " + registry + " could not be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FlopsException.outsideFailure("Interrupted while asking registry " + registry, e);
    }
  }

  private String baseUrl() {
    return (plainHttp ? "http://" : "https://") + registry;
  }
}
