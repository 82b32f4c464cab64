package io.flops.aggregator.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.image.RepositoryDependencies;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model is logged with the image's dependency list unless the aggregator is told another. */
class ModelDependenciesTest {

  @TempDir Path image;

  @Test
  void theImagesListIsLoggedWithTheModel() throws Exception {
    writeList("org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1\norg.nd4j:nd4j-native:1.0.0-M2.1\n");
    try (URLClassLoader classPath = classPath()) {
      assertThat(ModelDependencies.of(List.of(), classPath))
          .containsExactly(
              "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1", "org.nd4j:nd4j-native:1.0.0-M2.1");
    }
  }

  @Test
  void configuredCoordinatesWinAndAnImageWithoutAListLogsNone() throws Exception {
    try (URLClassLoader classPath = classPath()) {
      assertThat(ModelDependencies.of(List.of("org.example:lib:1.0"), classPath))
          .containsExactly("org.example:lib:1.0");
      assertThat(ModelDependencies.of(List.of(), classPath)).isEmpty();
    }
  }

  private void writeList(String text) throws Exception {
    Path file = image.resolve(RepositoryDependencies.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private URLClassLoader classPath() throws Exception {
    return new URLClassLoader(new URL[] {image.toUri().toURL()}, null);
  }
}
