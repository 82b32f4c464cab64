package io.flops.common.image.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.image.ImageNames;
import io.flops.common.sla.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ImageCatalog} adapter does; an adapter's test extends this class and passes it.
 * Each test stores images under its own repository, so the catalog may be shared.
 */
abstract class ImageCatalogContract {

  /** The catalog under test. */
  abstract ImageCatalog catalog();

  /** The registry part of references in this catalog ({@code host:port}, or empty). */
  abstract String registry();

  /** Stores {@code reference} as the builder would for this host's platform. */
  abstract void storeForHost(String reference) throws Exception;

  @Test
  void aMissingImageHasNoPlatforms() {
    String image = ImageNames.learner(registry(), "https://h/contract/missing", "c1");

    assertThat(catalog().platforms(image)).isEmpty();
    assertThat(catalog().exists(image, List.of(Platform.host()))).isFalse();
  }

  @Test
  void aStoredImageExistsForThePlatformItWasBuiltFor() throws Exception {
    String image = ImageNames.learner(registry(), "https://h/contract/stored", "c1");
    storeForHost(image);

    assertThat(catalog().platforms(image)).containsExactly(Platform.host());
    assertThat(catalog().exists(image, List.of(Platform.host()))).isTrue();
  }

  @Test
  void anotherTagOrRepositoryIsAbsent() throws Exception {
    String url = "https://h/contract/tags";
    storeForHost(ImageNames.learner(registry(), url, "c1"));

    assertThat(catalog().exists(ImageNames.learner(registry(), url, "c2"), List.of())).isFalse();
    assertThat(catalog().exists(ImageNames.aggregator(registry(), url, "c1"), List.of())).isFalse();
  }

  @Test
  void findsTheActorImagesOfANestedGroupsRepositoryByTheirSharedNames() throws Exception {
    String url = "https://git.example.org/Group/Sub/Repo.git";
    for (String image :
        List.of(ImageNames.learner("", url, "c1"), ImageNames.aggregator("", url, "c1"))) {
      storeForHost(registry().isEmpty() ? image : registry() + "/" + image);
    }

    assertThat(
            catalog().exists(ImageNames.learner(registry(), url, "c1"), List.of(Platform.host())))
        .isTrue();
    assertThat(
            catalog()
                .exists(ImageNames.aggregator(registry(), url, "c1"), List.of(Platform.host())))
        .isTrue();
  }
}
