package io.flops.builder.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.image.ImageName;
import io.flops.common.image.registry.Manifest;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.image.registry.RegistryException;
import io.flops.common.sla.Platform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pushes images to a registry as one manifest list each. Jib builds one image per platform (each
 * with only its own native libraries) under {@code <tag>-<architecture>}; then the manifest list
 * naming all of them is put under {@code <tag>}. Layers the registry already has are not uploaded.
 */
public final class RegistryTarget implements ImageTarget {

  static final String LIST_TYPE = "application/vnd.docker.distribution.manifest.list.v2+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String registry;
  private final RegistryClient client;
  private final Path cacheDir;
  private final boolean plainHttp;

  /**
   * @param plainHttp let Jib fall back to plain HTTP (a registry on a private address)
   */
  public RegistryTarget(String registry, RegistryClient client, Path cacheDir, boolean plainHttp) {
    this.registry = registry;
    this.client = client;
    this.cacheDir = cacheDir;
    this.plainHttp = plainHttp;
  }

  @Override
  public String registry() {
    return registry;
  }

  @Override
  public BuiltImage build(ImageRecipe recipe, List<Platform> platforms, PushTracker pushes)
      throws BuildFailure {
    ImageName name = ImageName.parse(recipe.reference());
    ArrayNode entries = JSON.createArrayNode();
    Map<Platform, BuiltImage.Size> sizes = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      String perPlatform = recipe.reference() + "-" + platform.architecture();
      JibContainer container =
          JibRuns.run(recipe, platform, ImageFormat.Docker, containerizer(perPlatform, pushes));
      Manifest manifest = read(name.repository(), container.getDigest().toString());
      sizes.put(platform, new BuiltImage.Size(compressed(manifest), -1));
      entries.add(entry(manifest, platform));
    }
    ObjectNode list = JSON.createObjectNode();
    list.put("schemaVersion", 2).put("mediaType", LIST_TYPE).set("manifests", entries);
    try {
      byte[] body = JSON.writeValueAsBytes(list);
      String digest = client.putManifest(name.repository(), name.tag(), LIST_TYPE, body);
      pushes.uploaded(digest, body.length);
      return new BuiltImage(recipe.reference(), digest, sizes);
    } catch (RegistryException | java.io.IOException e) {
      throw new BuildFailure(
          "Cannot push the manifest list of " + recipe.reference() + ": " + e.getMessage(), e);
    }
  }

  private Containerizer containerizer(String reference, PushTracker pushes) throws BuildFailure {
    try {
      return JibRuns.cached(
          Containerizer.to(RegistryImage.named(reference)), cacheDir, plainHttp, pushes);
    } catch (InvalidImageReferenceException e) {
      throw new BuildFailure("'" + reference + "' is not a valid image reference.", e);
    }
  }

  private Manifest read(String repository, String digest) throws BuildFailure {
    try {
      return client
          .manifest(repository, digest)
          .orElseThrow(() -> new BuildFailure("The registry lost the manifest " + digest + "."));
    } catch (RegistryException e) {
      throw new BuildFailure(e.getMessage(), e);
    }
  }

  private static long compressed(Manifest manifest) {
    return manifest.config().size()
        + manifest.layers().stream().mapToLong(Manifest.Descriptor::size).sum();
  }

  private static ObjectNode entry(Manifest manifest, Platform platform) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("mediaType", manifest.mediaType());
    entry.put("size", manifest.raw().length);
    entry.put("digest", manifest.digest());
    entry
        .putObject("platform")
        .put("architecture", platform.architecture())
        .put("os", platform.os());
    return entry;
  }
}
