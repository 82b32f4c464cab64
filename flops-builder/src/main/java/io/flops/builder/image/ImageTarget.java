package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.image.registry.Platform;
import java.util.List;

/**
 * Where built images go: a registry (one manifest list per image) or the local image store (host
 * platform only).
 */
public interface ImageTarget {

  /** The reference of an image named {@code repositoryAndTag} in this target. */
  String reference(String repositoryAndTag);

  /** Which of the {@code requested} platforms this target really builds. */
  default List<Platform> platformsBuilt(List<Platform> requested) {
    return requested;
  }

  /**
   * Builds {@code recipe} for {@code platforms} and stores it; counts uploads in {@code pushes}.
   */
  BuiltImage build(ImageRecipe recipe, List<Platform> platforms, PushTracker pushes)
      throws BuildFailure;
}
