package io.flops.common.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The Maven coordinates an ML repository's runtime dependencies resolved to, as the builder writes
 * them into the learner and aggregator images and the aggregator logs them with the trained model
 * (MLflow's {@code dependencies.txt}). One {@code group:artifact:version} per line, sorted, each
 * once; a jar with a classifier (e.g. the natives for one platform) counts as its artifact, so the
 * list is the same for every platform.
 *
 * <p>In an image the file is the class-path resource {@link #RESOURCE}.
 *
 * @param coordinates {@code group:artifact:version}, sorted, without repeats
 */
public record RepositoryDependencies(List<String> coordinates) {

  /** Where the list is on an actor image's class path. */
  public static final String RESOURCE = "META-INF/flops/repository-dependencies.txt";

  /** No dependencies (an image built before the list existed, or a test). */
  public static final RepositoryDependencies NONE = new RepositoryDependencies(List.of());

  private static final Pattern COORDINATE = Pattern.compile("[^:\\s]+:[^:\\s]+:[^:\\s]+");

  public RepositoryDependencies {
    coordinates = List.copyOf(new TreeSet<>(coordinates));
    for (String coordinate : coordinates) {
      if (!COORDINATE.matcher(coordinate).matches()) {
        throw new IllegalArgumentException(
            "'" + coordinate + "' is not a Maven coordinate group:artifact:version.");
      }
    }
  }

  /**
   * The list of the jars with these coordinates ({@code group:artifact:version} or with a fourth
   * part, the classifier, which is dropped).
   */
  public static RepositoryDependencies ofJars(Collection<String> gavs) {
    return new RepositoryDependencies(
        gavs.stream().map(RepositoryDependencies::withoutClassifier).toList());
  }

  /** Reads the file's text: one coordinate per line; blank lines are ignored. */
  public static RepositoryDependencies parse(String text) {
    return new RepositoryDependencies(
        text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  /** The list on the class path of {@code loader}, or {@link #NONE} when there is none. */
  public static RepositoryDependencies fromClassPath(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      return in == null ? NONE : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static String withoutClassifier(String gav) {
    String[] parts = gav.split(":");
    return parts.length > 3 ? String.join(":", parts[0], parts[1], parts[2]) : gav;
  }

  /** The file's text: one coordinate per line, each ending with a newline. */
  public String text() {
    return coordinates.stream().map(coordinate -> coordinate + "\n").reduce("", String::concat);
  }
}
