package io.flops.builder.baseimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.image.ImageName;
import io.flops.common.image.registry.RegistryClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pushes an OCI image layout whose {@code index.json} is one image index (as {@code
 * tools/base-image/build.sh} writes it) to a registry: every blob, every platform's manifest, then
 * the index under the wanted tag. Blobs the registry already has are skipped, so a re-run is fast.
 */
public final class OciLayoutPusher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  private final RegistryClient client;

  public OciLayoutPusher(RegistryClient client) {
    this.client = client;
  }

  /** Pushes {@code layout} as {@code imageReference}; returns the index digest. */
  public String push(Path layout, String imageReference) throws IOException {
    ImageName name = ImageName.parse(imageReference);
    byte[] index = Files.readAllBytes(layout.resolve("index.json"));
    for (JsonNode entry : JSON.readTree(index).path("manifests")) {
      String manifestDigest = entry.path("digest").asText();
      byte[] manifest = Files.readAllBytes(blob(layout, manifestDigest));
      JsonNode json = JSON.readTree(manifest);
      pushBlob(layout, name.repository(), json.path("config").path("digest").asText());
      for (JsonNode layer : json.path("layers")) {
        pushBlob(layout, name.repository(), layer.path("digest").asText());
      }
      client.putManifest(
          name.repository(), manifestDigest, entry.path("mediaType").asText(), manifest);
    }
    return client.putManifest(name.repository(), name.tag(), INDEX, index);
  }

  private void pushBlob(Path layout, String repository, String digest) {
    client.pushBlob(repository, digest, blob(layout, digest));
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
  }
}
