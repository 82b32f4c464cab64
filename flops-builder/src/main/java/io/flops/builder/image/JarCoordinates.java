package io.flops.builder.image;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dependency jar in a Maven repository layout ({@code group/artifact/version/file}) with its
 * coordinates; {@code classifier} is empty for the main jar.
 */
public record JarCoordinates(
    Path file, String group, String artifact, String version, String classifier) {

  private static final Pattern NATIVE = Pattern.compile("^(linux|windows|macosx|android|ios)-.+");

  /** Reads the coordinates from a path relative to a repository-layout root. */
  public static Optional<JarCoordinates> of(Path root, Path file) {
    Path relative = root.relativize(file);
    int n = relative.getNameCount();
    if (n < 4 || !file.toString().endsWith(".jar")) {
      return Optional.empty();
    }
    String artifact = relative.getName(n - 3).toString();
    String version = relative.getName(n - 2).toString();
    String name = relative.getName(n - 1).toString();
    String prefix = artifact + "-" + version;
    if (!name.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = name.substring(prefix.length(), name.length() - ".jar".length());
    String classifier = rest.startsWith("-") ? rest.substring(1) : "";
    String group = relative.subpath(0, n - 3).toString().replace('/', '.');
    return Optional.of(new JarCoordinates(file, group, artifact, version, classifier));
  }

  /** True for a jar of native libraries for one operating system and CPU. */
  public boolean isNative() {
    return NATIVE.matcher(classifier).matches();
  }

  /** {@code group:artifact:version[:classifier]}. */
  public String gav() {
    return group + ":" + artifact + ":" + version + (classifier.isEmpty() ? "" : ":" + classifier);
  }

  /** The jar's file name. */
  public String fileName() {
    return file.getFileName().toString();
  }
}
