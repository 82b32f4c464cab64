package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.builder.plan.BuiltImage;
import io.flops.common.sla.Platform;
import java.util.List;

/**
 * Where built images go: a registry (one manifest list per image) or the local image store (host
 * platform only).
 */
public interface ImageTarget {

  /**
   * The registry this target pushes to ({@code host:port}), or empty for the local image store: the
   * {@code registry} argument of {@link io.flops.common.image.ImageNames}.
   */
  String registry();

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
