package io.flops.common.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.sla.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A manifest as the registry returned it: its media type, its digest and its raw JSON. Either an
 * image manifest (config and layers) or a manifest list / OCI index (one entry per platform).
 */
public record Manifest(String mediaType, String digest, byte[] raw, JsonNode json) {

  /** Media types of manifest lists (Docker) and indexes (OCI). */
  public static final Set<String> LIST_TYPES =
      Set.of(
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.index.v1+json");

  /** Every manifest type this client asks for. */
  public static final String ACCEPT =
      String.join(
          ", ",
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.list.v2+json",
          "application/vnd.oci.image.manifest.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json");

  /** True for a manifest list or OCI index. */
  public boolean isList() {
    return LIST_TYPES.contains(mediaType) || json.has("manifests");
  }

  /** The entries of a manifest list (empty for an image manifest). */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode node : json.path("manifests")) {
      JsonNode platform = node.path("platform");
      entries.add(
          new Entry(
              node.path("digest").asText(),
              node.path("size").asLong(),
              node.path("mediaType").asText(),
              platform.path("os").asText(),
              platform.path("architecture").asText()));
    }
    return entries;
  }

  /** The config blob's descriptor of an image manifest. */
  public Descriptor config() {
    return descriptor(json.path("config"));
  }

  /** The layers of an image manifest, base first. */
  public List<Descriptor> layers() {
    List<Descriptor> layers = new ArrayList<>();
    json.path("layers").forEach(node -> layers.add(descriptor(node)));
    return layers;
  }

  private static Descriptor descriptor(JsonNode node) {
    return new Descriptor(
        node.path("mediaType").asText(), node.path("digest").asText(), node.path("size").asLong());
  }

  /** One platform's entry of a manifest list, its platform as the list names it. */
  public record Entry(String digest, long size, String mediaType, String os, String architecture) {

    /** The entry's platform, empty for one FLOps does not build (e.g. {@code unknown/unknown}). */
    public Optional<Platform> platform() {
      return Platform.find(os, architecture);
    }
  }

  /** A content descriptor: a blob's media type, digest and compressed size. */
  public record Descriptor(String mediaType, String digest, long size) {}
}
