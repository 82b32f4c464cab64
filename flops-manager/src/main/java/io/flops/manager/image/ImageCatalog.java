package io.flops.manager.image;

import io.flops.common.sla.Platform;
import java.util.List;

/** Where the manager looks up whether an image already exists (a registry or the local store). */
public interface ImageCatalog {

  /**
   * True when {@code imageReference} exists for every platform in {@code platforms}.
   *
   * @throws io.flops.common.error.FlopsException an outside failure when the catalog cannot be
   *     reached
   */
  boolean hasImage(String imageReference, List<Platform> platforms);
}
