package io.flops.common.image.registry;

import io.flops.common.image.LocalImageStore;
import java.util.Set;

/**
 * {@link ImageCatalog} over the embedded default's {@link LocalImageStore}. The store holds images
 * for this host only (the local-process orchestrator runs them here), so an image in the store
 * counts as existing for the host's platform and for any platform asked for: other platforms are
 * never run from it.
 */
public final class LocalImageCatalog implements ImageCatalog {

  private final LocalImageStore store;

  public LocalImageCatalog(LocalImageStore store) {
    this.store = store;
  }

  @Override
  public Set<Platform> platforms(String imageReference) {
    return store.contains(imageReference) ? Set.of(Platform.host()) : Set.of();
  }

  @Override
  public boolean exists(String imageReference, Set<Platform> wanted) {
    return store.contains(imageReference);
  }
}
