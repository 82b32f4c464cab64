package io.flops.builder.image;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.sla.Platform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A repository's runtime dependencies split for images: the jars every platform shares, and per
 * platform its own native-library jars. Maven resolves natives for the build host only; for every
 * other platform each native jar is swapped for its counterpart with that platform's classifier
 * (e.g. {@code nd4j-native-…-linux-x86_64.jar} → {@code …-linux-arm64.jar}), found by a {@link
 * NativeResolver}. Natives for other operating systems are left out.
 */
public record PlatformDependencies(List<Path> shared, Map<Platform, List<Path>> natives) {

  /** Finds a dependency jar with a given classifier, fetching it when needed. */
  @FunctionalInterface
  public interface NativeResolver {
    Optional<Path> find(JarCoordinates original, String classifier) throws BuildFailure;
  }

  /**
   * Splits {@code files}, jars in the repository layout under {@code root}, for {@code platforms}.
   */
  public static PlatformDependencies split(
      List<Path> files, Path root, List<Platform> platforms, NativeResolver resolver)
      throws BuildFailure {
    List<JarCoordinates> jars = jars(files, root);
    List<Path> shared =
        jars.stream().filter(jar -> !jar.isNative()).map(JarCoordinates::file).toList();
    List<JarCoordinates> natives = jars.stream().filter(JarCoordinates::isNative).toList();
    return new PlatformDependencies(shared, nativesByPlatform(natives, platforms, resolver));
  }

  /**
   * For each of {@code platforms}, the native jars among {@code natives} built for it, or else
   * their counterparts with its classifier, found by {@code resolver}.
   */
  public static Map<Platform, List<Path>> nativesByPlatform(
      List<JarCoordinates> natives, List<Platform> platforms, NativeResolver resolver)
      throws BuildFailure {
    Map<Platform, List<Path>> byPlatform = new LinkedHashMap<>();
    for (Platform platform : platforms) {
      byPlatform.put(platform, nativesFor(platform, natives, resolver));
    }
    return byPlatform;
  }

  private static List<Path> nativesFor(
      Platform platform, List<JarCoordinates> natives, NativeResolver resolver)
      throws BuildFailure {
    List<Path> result = new ArrayList<>();
    for (JarCoordinates jar : natives) {
      if (NativeClassifiers.matches(jar.classifier(), platform)) {
        result.add(jar.file());
      } else if (jar.classifier().startsWith("linux-") && !hasCounterpart(jar, platform, natives)) {
        result.add(counterpart(jar, platform, resolver));
      }
    }
    return result.stream().distinct().toList();
  }

  private static boolean hasCounterpart(
      JarCoordinates jar, Platform platform, List<JarCoordinates> natives) {
    return natives.stream()
        .anyMatch(
            other ->
                other.group().equals(jar.group())
                    && other.artifact().equals(jar.artifact())
                    && other.version().equals(jar.version())
                    && NativeClassifiers.matches(other.classifier(), platform));
  }

  private static Path counterpart(JarCoordinates jar, Platform platform, NativeResolver resolver)
      throws BuildFailure {
    String wanted = NativeClassifiers.of(platform);
    String suffix = jar.classifier().replaceFirst("^linux-[a-z0-9_]+", "");
    for (String classifier :
        suffix.isEmpty() ? List.of(wanted) : List.of(wanted + suffix, wanted)) {
      Optional<Path> found = resolver.find(jar, classifier);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new BuildFailure(
        "There is no "
            + platform
            + " build of "
            + jar.group()
            + ":"
            + jar.artifact()
            + ":"
            + jar.version()
            + " (classifier "
            + wanted
            + "); drop "
            + platform
            + " from the SLA's supported_platforms.");
  }

  private static List<JarCoordinates> jars(List<Path> files, Path root) throws BuildFailure {
    List<JarCoordinates> jars = new ArrayList<>();
    for (Path file : files) {
      jars.add(
          JarCoordinates.of(root, file)
              .orElseThrow(
                  () ->
                      new BuildFailure(
                          "The dependency "
                              + file
                              + " is not in the local Maven repository "
                              + root
                              + "; system-scoped and reactor dependencies are not supported.")));
    }
    return jars;
  }
}
