package io.flops.common.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.image.ImageNames;
import io.flops.common.image.LocalImageStore;
import io.flops.common.sla.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageCatalogTest extends ImageCatalogContract {

  @TempDir Path store;

  @Override
  ImageCatalog catalog() {
    return new LocalImageCatalog(new LocalImageStore(store));
  }

  @Override
  String registry() {
    return "";
  }

  @Override
  void storeForHost(String reference) throws Exception {
    Path tarball = new LocalImageStore(store).tarball(reference);
    Files.createDirectories(tarball.getParent());
    Files.writeString(tarball, "tar");
  }

  @Test
  void findsOnlyImagesWhoseTarballIsInTheStore() throws Exception {
    LocalImageStore images = new LocalImageStore(store);
    String learner = ImageNames.learner("", "https://h/o/r.git", "c1");
    String aggregator = ImageNames.aggregator("", "https://h/o/r.git", "c1");
    storeForHost(learner);
    LocalImageCatalog catalog = new LocalImageCatalog(images);

    assertThat(catalog.platforms(learner)).containsExactly(Platform.host());
    assertThat(catalog.exists(learner, Set.of(Platform.LINUX_ARM64))).isTrue();
    assertThat(catalog.exists(aggregator, Set.of(Platform.host()))).isFalse();

    storeForHost(aggregator);
    assertThat(catalog.exists(aggregator, Set.of(Platform.host()))).isTrue();
  }

  @Test
  void anImageInTheStoreCountsForEveryPlatformBecauseTheBuilderStoresOnlyTheHostsOne()
      throws Exception {
    String learner = ImageNames.learner("", "https://h/o/r.git", "c1");
    storeForHost(learner);

    assertThat(catalog().exists(learner, Set.of(Platform.LINUX_AMD64, Platform.LINUX_ARM64)))
        .isTrue();
  }
}
