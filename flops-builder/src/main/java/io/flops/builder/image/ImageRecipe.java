package io.flops.builder.image;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.flops.common.sla.Platform;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one image needs apart from where it goes: its reference, base image, layers per
 * platform (base first is implied), entrypoint, labels, and optionally environment variables (added
 * to the base image's), exposed TCP ports and the user it runs as (empty: the base's).
 */
public record ImageRecipe(
    String role,
    String reference,
    String baseImage,
    Function<Platform, List<FileEntriesLayer>> layers,
    List<String> entrypoint,
    Map<String, String> labels,
    Map<String, String> environment,
    List<Integer> exposedPorts,
    String user) {

  public ImageRecipe {
    entrypoint = List.copyOf(entrypoint);
    labels = Map.copyOf(labels);
    environment = Map.copyOf(environment);
    exposedPorts = List.copyOf(exposedPorts);
    user = user == null ? "" : user;
  }

  /** A recipe without environment, ports or user of its own. */
  public ImageRecipe(
      String role,
      String reference,
      String baseImage,
      Function<Platform, List<FileEntriesLayer>> layers,
      List<String> entrypoint,
      Map<String, String> labels) {
    this(role, reference, baseImage, layers, entrypoint, labels, Map.of(), List.of(), "");
  }
}
