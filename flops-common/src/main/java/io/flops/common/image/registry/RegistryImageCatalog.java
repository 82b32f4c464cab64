package io.flops.common.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.image.ImageName;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ImageCatalog} over a Docker Registry HTTP API v2: a manifest list names its platforms; a
 * single image manifest has the one platform its config blob names.
 */
public final class RegistryImageCatalog implements ImageCatalog {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RegistryClient client;

  public RegistryImageCatalog(RegistryClient client) {
    this.client = client;
  }

  @Override
  public Set<Platform> platforms(String imageReference) {
    ImageName name = ImageName.parse(imageReference);
    Optional<Manifest> found = client.manifest(name.repository(), name.tag());
    Set<Platform> platforms = new TreeSet<>();
    found.ifPresent(
        manifest -> {
          if (manifest.isList()) {
            manifest.entries().forEach(entry -> platforms.add(entry.platform()));
          } else {
            platforms.add(platformOf(name.repository(), manifest));
          }
        });
    return platforms;
  }

  private Platform platformOf(String repository, Manifest manifest) {
    byte[] config = client.blob(repository, manifest.config().digest());
    try {
      JsonNode json = JSON.readTree(config);
      return new Platform(json.path("os").asText(), json.path("architecture").asText());
    } catch (IOException e) {
      throw new RegistryException("The image config of " + repository + " is not JSON.", e);
    }
  }
}
