package io.flops.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependency list the builder writes into actor images and the aggregator reads back. */
class RepositoryDependenciesTest {

  @TempDir Path temp;

  @Test
  void jarsBecomeSortedCoordinatesEachOnceWithoutClassifier() {
    RepositoryDependencies dependencies =
        RepositoryDependencies.ofJars(
            List.of(
                "org.nd4j:nd4j-native:1.0.0-M2.1:linux-x86_64",
                "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1",
                "org.nd4j:nd4j-native:1.0.0-M2.1"));

    assertThat(dependencies.coordinates())
        .containsExactly(
            "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1", "org.nd4j:nd4j-native:1.0.0-M2.1");
    assertThat(dependencies.text())
        .isEqualTo(
            "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1\norg.nd4j:nd4j-native:1.0.0-M2.1\n");
    assertThat(RepositoryDependencies.parse(dependencies.text())).isEqualTo(dependencies);
  }

  @Test
  void theAggregatorReadsTheListTheBuilderPutOnTheClassPath() throws Exception {
    RepositoryDependencies written =
        RepositoryDependencies.ofJars(List.of("org.example:lib:1.0", "com.example:other:2.1"));
    Path file = temp.resolve(RepositoryDependencies.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, written.text());

    try (URLClassLoader image = new URLClassLoader(new URL[] {temp.toUri().toURL()}, null)) {
      assertThat(RepositoryDependencies.fromClassPath(image)).isEqualTo(written);
    }
    try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
      assertThat(RepositoryDependencies.fromClassPath(empty))
          .isEqualTo(RepositoryDependencies.NONE);
    }
  }

  @Test
  void aLineThatIsNoCoordinateIsRefused() {
    assertThatThrownBy(() -> RepositoryDependencies.parse("org.example:lib\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'org.example:lib' is not a Maven coordinate");
  }
}
