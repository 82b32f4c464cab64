package io.flops.manager.image;

import io.flops.common.image.LocalImageStore;
import io.flops.common.sla.Platform;
import java.util.List;

/**
 * Looks images up in the embedded default's {@link LocalImageStore}. Those images run on this host
 * only, so they count for the host's platform and no other.
 */
public class LocalStoreImageCatalog implements ImageCatalog {

  private final LocalImageStore store;
  private final Platform hostPlatform;

  public LocalStoreImageCatalog(LocalImageStore store) {
    this(store, hostPlatform());
  }

  LocalStoreImageCatalog(LocalImageStore store, Platform hostPlatform) {
    this.store = store;
    this.hostPlatform = hostPlatform;
  }

  static Platform hostPlatform() {
    String arch = System.getProperty("os.arch", "");
    return arch.equals("aarch64") || arch.equals("arm64")
        ? Platform.LINUX_ARM64
        : Platform.LINUX_AMD64;
  }

  @Override
  public boolean hasImage(String imageReference, List<Platform> platforms) {
    return platforms.stream().allMatch(p -> p == hostPlatform) && store.contains(imageReference);
  }
}
