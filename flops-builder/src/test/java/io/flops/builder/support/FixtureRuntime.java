package io.flops.builder.support;

import io.flops.mlapi.ModelManager;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Builds a Spring-Boot-executable-jar-shaped runtime around {@code io.flops.fixture.FixtureActor},
 * the test stand-in for the learner and aggregator applications.
 */
public final class FixtureRuntime {

  private FixtureRuntime() {}

  /** Compiles the fixture and packs it as {@code <dir>/<name>.jar} with that Start-Class. */
  public static Path jar(Path dir, String name) throws IOException {
    Path classes = dir.resolve("fixture-classes");
    if (!Files.isDirectory(classes)) {
      compile(classes);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Start-Class", "io.flops.fixture.FixtureActor");
    Path jar = dir.resolve(name + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry("BOOT-INF/classes/" + classes.relativize(file)));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void compile(Path classes) throws IOException {
    Files.createDirectories(classes);
    Path source = TestRepos.resource("runtime-fixture/io/flops/fixture/FixtureActor.java");
    String mlApi = ModelManager.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                List.of("-cp", mlApi, "-d", classes.toString(), source.toString())
                    .toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("The runtime fixture does not compile");
    }
  }
}
