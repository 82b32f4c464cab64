package io.flops.builder.image;

import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.flops.common.image.registry.Platform;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one image needs apart from where it goes: its reference, base image, layers per
 * platform (base first is implied), entrypoint and labels.
 */
public record ImageRecipe(
    String role,
    String reference,
    String baseImage,
    Function<Platform, List<FileEntriesLayer>> layers,
    List<String> entrypoint,
    Map<String, String> labels) {

  public ImageRecipe {
    entrypoint = List.copyOf(entrypoint);
    labels = Map.copyOf(labels);
  }
}
