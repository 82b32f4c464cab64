package io.flops.common.image.catalog;

import io.flops.common.sla.Platform;
import java.util.Collection;
import java.util.Set;

/**
 * Where FLOps looks up whether an image already exists, so the manager can skip a build whose
 * images are there (names from {@link io.flops.common.image.ImageNames}). Adapters: {@link
 * RegistryImageCatalog} (a registry, when {@code flops.registry} is set) and {@link
 * LocalImageCatalog} (the embedded default's local image store).
 */
public interface ImageCatalog {

  /**
   * The platforms {@code imageReference} exists for; empty when it does not exist.
   *
   * @throws io.flops.common.error.FlopsException an outside failure when the catalog cannot be
   *     asked
   */
  Set<Platform> platforms(String imageReference);

  /**
   * True when {@code imageReference} exists for every one of {@code wanted}.
   *
   * @throws io.flops.common.error.FlopsException an outside failure when the catalog cannot be
   *     asked
   */
  default boolean exists(String imageReference, Collection<Platform> wanted) {
    Set<Platform> found = platforms(imageReference);
    return !found.isEmpty() && found.containsAll(wanted);
  }
}
