package io.flops.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an MLflow file store as MLflow 2.17.2 lays it out (FILESTORE.md): experiments by their
 * {@code meta.yaml} name, runs by their {@code run_name}, the last value of a metric.
 */
final class MlflowFileStore {

  private final Path root;

  MlflowFileStore(Path root) {
    this.root = root;
  }

  /** One run of an experiment. */
  record Run(Path dir, String id, String name) {

    /** The last value logged for {@code metric}, or empty. */
    Optional<Double> last(String metric) {
      Path file = dir.resolve("metrics").resolve(metric);
      List<String> lines = readLines(file);
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      String[] parts = lines.get(lines.size() - 1).trim().split(" ");
      return Optional.of(Double.parseDouble(parts[1]));
    }

    /** A file under the run's artifacts. */
    Path artifact(String path) {
      return dir.resolve("artifacts").resolve(path);
    }
  }

  /** The directory of the experiment named {@code name}. */
  Path experiment(String name) {
    return list(root).stream()
        .filter(dir -> field(dir.resolve("meta.yaml"), "name").equals(Optional.of(name)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No experiment named '" + name + "' in " + root));
  }

  /**
   * The runs of an experiment the MLflow UI shows: directories with a {@code meta.yaml} naming a
   * run that is not deleted.
   */
  List<Run> runs(Path experiment) {
    return list(experiment).stream()
        .filter(dir -> Files.exists(dir.resolve("meta.yaml")))
        .filter(
            dir -> field(dir.resolve("meta.yaml"), "lifecycle_stage").equals(Optional.of("active")))
        .flatMap(
            dir ->
                field(dir.resolve("meta.yaml"), "run_name").stream()
                    .map(name -> new Run(dir, dir.getFileName().toString(), name)))
        .toList();
  }

  private static Optional<String> field(Path metaYaml, String key) {
    return readLines(metaYaml).stream()
        .filter(line -> line.startsWith(key + ": "))
        .map(line -> line.substring(key.length() + 2).trim().replaceAll("^'(.*)'$", "$1"))
        .findFirst();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
