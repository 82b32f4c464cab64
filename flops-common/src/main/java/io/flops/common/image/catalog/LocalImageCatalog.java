package io.flops.common.image.catalog;

import io.flops.common.image.LocalImageStore;
import io.flops.common.sla.Platform;
import java.util.Collection;
import java.util.Set;

/**
 * {@link ImageCatalog} over the embedded default's {@link LocalImageStore}. The builder stores
 * images for this host's platform only, whatever platforms it is asked for, and the local-process
 * orchestrator runs them here: so an image in the store exists for {@link Platform#host()}, and
 * counts as existing for any platforms wanted, because building it again would give the same
 * host-only image.
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
  public boolean exists(String imageReference, Collection<Platform> wanted) {
    return store.contains(imageReference);
  }
}
