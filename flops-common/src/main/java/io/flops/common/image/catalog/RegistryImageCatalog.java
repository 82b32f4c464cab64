package io.flops.common.image.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.FlopsException;
import io.flops.common.image.ImageName;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.image.registry.RegistryException;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link ImageCatalog} over a Docker Registry HTTP API v2: the platforms of a manifest list (or OCI
 * index) are those of its entries, a single image manifest has the one its config blob names; a
 * variant (such as {@code arm64/v8}) is ignored, and a platform FLOps does not build for (such as
 * an attestation's {@code unknown/unknown}) is left out.
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
    try {
      Optional<Manifest> found = client.manifest(name.repository(), name.tag());
      Set<Platform> platforms = new TreeSet<>();
      found.ifPresent(manifest -> platforms.addAll(platformsOf(name.repository(), manifest)));
      return platforms;
    } catch (RegistryException e) {
      throw FlopsException.outsideFailure(
          "Cannot tell whether image " + imageReference + " exists: " + e.getMessage(), e);
    }
  }

  private Set<Platform> platformsOf(String repository, Manifest manifest) {
    Set<Platform> platforms = new TreeSet<>();
    if (manifest.isList()) {
      manifest.entries().forEach(entry -> entry.platform().ifPresent(platforms::add));
    } else {
      configPlatform(repository, manifest).ifPresent(platforms::add);
    }
    return platforms;
  }

  private Optional<Platform> configPlatform(String repository, Manifest manifest) {
    byte[] config = client.blob(repository, manifest.config().digest());
    try {
      JsonNode json = JSON.readTree(config);
      return Platform.find(json.path("os").asText(), json.path("architecture").asText());
    } catch (IOException e) {
      throw new RegistryException("The image config of " + repository + " is not JSON.", e);
    }
  }
}
