package io.flops.builder.flactors;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.builder.image.ActorLayers;
import io.flops.builder.support.BuilderRun;
import io.flops.builder.support.FixtureRuntime;
import io.flops.builder.support.TestRepos;
import io.flops.common.events.ComponentEvent;
import io.flops.common.image.ImageNames;
import io.flops.common.image.ImageUnpacker;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.RepositoryDependencies;
import io.flops.common.image.UnpackedImage;
import io.flops.common.image.catalog.LocalImageCatalog;
import io.flops.common.sla.Platform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no registry (the embedded default) both images land in the local image store. */
class LocalStoreBuildIT {

  @TempDir Path tmp;

  @Test
  void writesBothImagesAsOciTarballsIntoTheStore() throws Exception {
    Path repo = TestRepos.create("dl4j-mini", tmp.resolve("owner/dl4j-mini"));
    Path store = tmp.resolve("store");
    Map<String, String> properties = new HashMap<>();
    properties.put("flops.project-id", "p-local");
    properties.put("flops.builder.repo-url", TestRepos.url(repo));
    properties.put("flops.builder.platforms", "linux/amd64,linux/arm64");
    properties.put("flops.builder.local-image-store", store.toString());
    properties.put("flops.builder.base-image", "scratch");
    properties.put("flops.builder.work-dir", tmp.resolve("work").toString());
    properties.put("flops.builder.cache-dir", tmp.resolve("jib").toString());
    properties.put("flops.builder.runtime.learner", FixtureRuntime.jar(tmp, "learner").toString());
    properties.put(
        "flops.builder.runtime.aggregator", FixtureRuntime.jar(tmp, "aggregator").toString());
    properties.put(
        "flops.builder.maven.command",
        Path.of("..", "mvnw").toAbsolutePath().normalize().toString());

    BuilderRun run = BuilderRun.run(properties);

    assertThat(run.exitCode()).isEqualTo(0);
    ComponentEvent.BuilderSucceeded success =
        (ComponentEvent.BuilderSucceeded) run.events().componentEvents.get(1);
    String learnerImage = ImageNames.learner("", TestRepos.url(repo), success.commit());
    String aggregatorImage = ImageNames.aggregator("", TestRepos.url(repo), success.commit());
    assertThat(success.images()).containsExactly(learnerImage, aggregatorImage);
    LocalImageStore local = new LocalImageStore(store);
    LocalImageCatalog catalog = new LocalImageCatalog(local);
    assertThat(catalog.exists(learnerImage, Set.of(Platform.host()))).isTrue();
    assertThat(catalog.exists(aggregatorImage, Set.of(Platform.host()))).isTrue();
    assertThat(entries(local.tarball(learnerImage)))
        .contains("oci-layout", "index.json")
        .anyMatch(name -> name.startsWith("blobs/sha256/"));
    ImageUnpacker unpacker = new ImageUnpacker(local, tmp.resolve("unpacked"));
    UnpackedImage learner = unpacker.unpack(learnerImage);
    assertThat(learner.root().resolve("app/classes/org/example/mini/MiniModelManager.class"))
        .isRegularFile();
    assertThat(learner.root().resolve("app/runtime/classes/io/flops/fixture/FixtureActor.class"))
        .isRegularFile();
    assertThat(learner.config().entrypoint())
        .startsWith("java")
        .endsWith("io.flops.fixture.FixtureActor");
    assertThat(dependencyListOf(unpacker.unpack(aggregatorImage)))
        .anyMatch(coordinate -> coordinate.startsWith("org.deeplearning4j:deeplearning4j-nn:"))
        .anyMatch(coordinate -> coordinate.startsWith("org.nd4j:nd4j-native:"))
        .noneMatch(coordinate -> coordinate.startsWith("io.flops:flops-ml-api:"))
        .allMatch(coordinate -> coordinate.split(":").length == 3);
    assertThat(success.bytesPushed())
        .isEqualTo(
            Files.size(local.tarball(learnerImage)) + Files.size(local.tarball(aggregatorImage)));
  }

  /** The dependency list as the aggregator reads it: from the image's class path. */
  private static List<String> dependencyListOf(UnpackedImage image) throws Exception {
    assertThat(image.config().entrypoint()).contains(ActorLayers.CLASSPATH);
    URL meta = image.root().resolve("app/meta").toUri().toURL();
    try (URLClassLoader classPath = new URLClassLoader(new URL[] {meta}, null)) {
      return RepositoryDependencies.fromClassPath(classPath).coordinates();
    }
  }

  private static List<String> entries(Path tarball) throws Exception {
    List<String> names = new ArrayList<>();
    try (var tar = new TarArchiveInputStream(Files.newInputStream(tarball))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
