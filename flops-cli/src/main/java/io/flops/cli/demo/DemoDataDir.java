package io.flops.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The demo manager's data directory. Each run starts from an empty one, so a project of an earlier,
 * interrupted run is never resumed. Only a directory the demo made (it holds a marker file) is ever
 * emptied.
 */
final class DemoDataDir {

  static final String MARKER = ".flops-demo";

  private DemoDataDir() {}

  /** Empties {@code dir} if the demo made it, creates it and marks it. */
  static void prepare(Path dir) {
    try {
      if (Files.isDirectory(dir) && !isEmpty(dir)) {
        if (!Files.exists(dir.resolve(MARKER))) {
          throw new IllegalStateException(
              dir
                  + " is not empty and was not made by the demo; choose another --data-dir or"
                  + " remove it");
        }
        delete(dir);
      }
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(MARKER), "Data directory of 'flops demo'; emptied at each run.\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the data directory " + dir, e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
