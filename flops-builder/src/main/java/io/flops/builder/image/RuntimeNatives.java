package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.sla.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The native-library jars a FLOps runtime application brings (e.g. ND4J's for the build host),
 * swapped per image platform for their counterparts: a runtime jar holds natives for one platform
 * only, the one it was packaged on. Coordinates come from the jars' own {@code pom.properties}.
 */
public final class RuntimeNatives {

  private RuntimeNatives() {}

  /** Per platform, the native jars of {@code runtime} for it (found by {@code resolver}). */
  public static Map<Platform, List<Path>> of(
      RuntimeApp runtime, List<Platform> platforms, PlatformDependencies.NativeResolver resolver)
      throws BuildFailure {
    List<JarCoordinates> natives = new ArrayList<>();
    for (Path library : runtime.libraries()) {
      if (NativeClassifiers.isNativeFile(library.getFileName().toString())) {
        natives.add(coordinates(library));
      }
    }
    return PlatformDependencies.nativesByPlatform(natives, platforms, resolver);
  }

  /** The coordinates of a jar, read from its {@code META-INF/maven/.../pom.properties}. */
  static JarCoordinates coordinates(Path jar) throws BuildFailure {
    try (JarFile file = new JarFile(jar.toFile())) {
      Optional<JarEntry> entry =
          file.stream()
              .filter(e -> e.getName().startsWith("META-INF/maven/"))
              .filter(e -> e.getName().endsWith("/pom.properties"))
              .findFirst();
      if (entry.isPresent()) {
        Properties pom = new Properties();
        try (InputStream in = file.getInputStream(entry.get())) {
          pom.load(in);
        }
        String artifact = pom.getProperty("artifactId", "");
        String version = pom.getProperty("version", "");
        String prefix = artifact + "-" + version + "-";
        String name = jar.getFileName().toString();
        if (!artifact.isEmpty() && name.startsWith(prefix) && name.endsWith(".jar")) {
          String classifier = name.substring(prefix.length(), name.length() - ".jar".length());
          return new JarCoordinates(
              jar, pom.getProperty("groupId", ""), artifact, version, classifier);
        }
      }
    } catch (IOException e) {
      throw new BuildFailure("Cannot read the native library " + jar + ": " + e.getMessage(), e);
    }
    throw new BuildFailure(
        "The native library "
            + jar.getFileName()
            + " of the FLOps runtime has no Maven coordinates, so its builds for other platforms"
            + " cannot be found.");
  }
}
