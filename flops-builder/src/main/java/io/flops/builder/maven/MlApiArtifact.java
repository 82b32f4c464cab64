package io.flops.builder.maven;

import io.flops.mlapi.ModelManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The {@code io.flops:flops-ml-api} the builder bundles. User repositories declare it with scope
 * {@code provided}; the builder writes it into the local Maven repository it compiles with (as
 * {@code mvn install} would), so no remote repository needs to serve it.
 */
public final class MlApiArtifact {

  static final String GROUP = "io.flops";
  static final String ARTIFACT = "flops-ml-api";

  private final String version;

  public MlApiArtifact(String version) {
    this.version = version;
  }

  /** The FLOps version this builder belongs to (from its build). */
  public static String flopsVersion() {
    try (InputStream in = MlApiArtifact.class.getResourceAsStream("/flops-builder.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("flops.version", "0.0.0-unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String version() {
    return version;
  }

  /** Writes jar and pom into {@code localRepository} unless an identical jar is already there. */
  public void installInto(Path localRepository) throws IOException {
    Path dir = localRepository.resolve(GROUP.replace('.', '/')).resolve(ARTIFACT).resolve(version);
    Path jar = dir.resolve(ARTIFACT + "-" + version + ".jar");
    byte[] bytes = jarBytes();
    if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), bytes)) {
      return;
    }
    Files.createDirectories(dir);
    Files.write(jar, bytes);
    Files.writeString(dir.resolve(ARTIFACT + "-" + version + ".pom"), pom());
  }

  /**
   * Writes the jar as {@code <directory>/flops-ml-api-<version>.jar} (rewritten only when its
   * content changed, so image layers stay cached) for images whose runtime lacks it.
   */
  public Path writeJar(Path directory) throws IOException {
    Path jar = directory.resolve(ARTIFACT + "-" + version + ".jar");
    byte[] bytes = jarBytes();
    if (!Files.isRegularFile(jar) || !Arrays.equals(Files.readAllBytes(jar), bytes)) {
      Files.createDirectories(directory);
      Files.write(jar, bytes);
    }
    return jar;
  }

  private String pom() {
    return String.join(
        "\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
        "  <modelVersion>4.0.0</modelVersion>",
        "  <groupId>" + GROUP + "</groupId>",
        "  <artifactId>" + ARTIFACT + "</artifactId>",
        "  <version>" + version + "</version>",
        "  <description>FLOps ML API (installed by the FLOps image builder)</description>",
        "</project>",
        "");
  }

  private static byte[] jarBytes() throws IOException {
    Path source = codeSource();
    if (Files.isRegularFile(source)) {
      return Files.readAllBytes(source);
    }
    var out = new java.io.ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        JarEntry entry = new JarEntry(source.relativize(file).toString().replace('\\', '/'));
        entry.setTime(0);
        jar.putNextEntry(entry);
        Files.copy(file, (OutputStream) jar);
        jar.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static Path codeSource() {
    try {
      return Path.of(
          ModelManager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
