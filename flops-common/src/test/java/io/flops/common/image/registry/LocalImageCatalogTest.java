package io.flops.common.image.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.image.LocalImageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageCatalogTest {

  @TempDir Path store;

  @Test
  void findsOnlyImagesWhoseTarballIsInTheStore() throws Exception {
    LocalImageStore images = new LocalImageStore(store);
    ActorImages names = ActorImages.of("", "https://h/o/r.git", "c1");
    Files.createDirectories(images.tarball(names.learner()).getParent());
    Files.writeString(images.tarball(names.learner()), "tar");
    LocalImageCatalog catalog = new LocalImageCatalog(images);

    assertThat(catalog.platforms(names.learner())).containsExactly(Platform.host());
    assertThat(catalog.exists(names.learner(), Set.of(Platform.LINUX_ARM64))).isTrue();
    assertThat(catalog.exists(names, Set.of(Platform.host()))).isFalse();

    Files.createDirectories(images.tarball(names.aggregator()).getParent());
    Files.writeString(images.tarball(names.aggregator()), "tar");
    assertThat(catalog.exists(names, Set.of(Platform.host()))).isTrue();
  }
}
