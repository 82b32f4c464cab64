package io.flops.common.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The config file and the layer files, in order, of an extracted image tarball. */
record ImageLayout(Path config, List<Path> layers) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads an OCI image layout or a {@code docker load} layout extracted into {@code dir}. */
  static ImageLayout read(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("index.json"))) {
      return readOci(dir);
    }
    if (Files.isRegularFile(dir.resolve("manifest.json"))) {
      return readDocker(dir);
    }
    throw new IOException("neither index.json (OCI layout) nor manifest.json (docker layout)");
  }

  private static ImageLayout readOci(Path dir) throws IOException {
    JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
    JsonNode manifest = JSON.readTree(blob(dir, index.path("manifests").path(0)).toFile());
    if (manifest.has("manifests")) {
      manifest = JSON.readTree(blob(dir, manifest.path("manifests").path(0)).toFile());
    }
    List<Path> layers = new ArrayList<>();
    for (JsonNode layer : manifest.path("layers")) {
      layers.add(blob(dir, layer));
    }
    return new ImageLayout(blob(dir, manifest.path("config")), layers);
  }

  private static ImageLayout readDocker(Path dir) throws IOException {
    JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile()).path(0);
    List<Path> layers = new ArrayList<>();
    for (JsonNode layer : manifest.path("Layers")) {
      layers.add(dir.resolve(layer.asText()));
    }
    return new ImageLayout(dir.resolve(manifest.path("Config").asText()), layers);
  }

  private static Path blob(Path dir, JsonNode descriptor) throws IOException {
    String digest = descriptor.path("digest").asText();
    int colon = digest.indexOf(':');
    if (colon < 0) {
      throw new IOException("descriptor without a digest: " + descriptor);
    }
    return dir.resolve("blobs")
        .resolve(digest.substring(0, colon))
        .resolve(digest.substring(colon + 1));
  }
}
