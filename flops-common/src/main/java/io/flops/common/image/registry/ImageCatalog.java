package io.flops.common.image.registry;

import java.util.Set;

/**
 * Answers whether an image already exists for every wanted platform, so the manager can skip a
 * build. Adapters: {@link RegistryImageCatalog} (a registry) and {@link LocalImageCatalog} (the
 * embedded default's local image store).
 */
public interface ImageCatalog {

  /** The platforms {@code imageReference} exists for; empty when it does not exist. */
  Set<Platform> platforms(String imageReference);

  /** True when {@code imageReference} exists for every one of {@code wanted}. */
  default boolean exists(String imageReference, Set<Platform> wanted) {
    Set<Platform> found = platforms(imageReference);
    return !found.isEmpty() && found.containsAll(wanted);
  }

  /** True when both actor images of {@code images} exist for every one of {@code wanted}. */
  default boolean exists(ActorImages images, Set<Platform> wanted) {
    return exists(images.learner(), wanted) && exists(images.aggregator(), wanted);
  }
}
