package io.flops.manager.orchestration.local;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import io.flops.common.image.LocalImageStore;
import io.flops.manager.orchestration.testapp.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Builds the test application's image with Jib into a local image store, as the builder does. */
final class TestImages {

  static final String TEST_SERVICE = "flops-test/testservice:1";
  static final String MAIN_CLASS = TestService.class.getName();

  private TestImages() {}

  /** Writes {@link #TEST_SERVICE} as an OCI image-layout tarball into {@code store}. */
  static void buildTestService(LocalImageStore store, Path jibCache) throws Exception {
    String classFile = MAIN_CLASS.replace('.', '/') + ".class";
    Path compiled =
        Path.of(TestService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path tarball = store.tarball(TEST_SERVICE);
    Files.createDirectories(tarball.getParent());
    Jib.fromScratch()
        .setFormat(ImageFormat.OCI)
        .addFileEntriesLayer(
            FileEntriesLayer.builder()
                .setName("classes")
                .addEntry(
                    compiled.resolve(classFile), AbsoluteUnixPath.get("/app/classes/" + classFile))
                .build())
        .setEntrypoint("java", "-cp", "/app/classes", MAIN_CLASS)
        .setEnvironment(Map.of("TEST_HOME", "/app/classes"))
        .setWorkingDirectory(AbsoluteUnixPath.get("/app"))
        .setCreationTime(Instant.EPOCH)
        .containerize(
            Containerizer.to(TarImage.at(tarball).named(TEST_SERVICE))
                .setBaseImageLayersCache(jibCache.resolve("base"))
                .setApplicationLayersCache(jibCache.resolve("app")));
  }
}
