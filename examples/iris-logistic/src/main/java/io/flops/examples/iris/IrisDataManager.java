package io.flops.examples.iris;

import io.flops.mlapi.DataManager;
import io.flops.mlapi.LocalData;
import io.flops.mlapi.Table;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the learner's Iris rows (column {@code features}: sepal length, sepal width, petal length,
 * petal width in cm; column {@code label}: 0 setosa, 1 versicolor, 2 virginica) into DL4J data sets.
 * Features are divided by a fixed 8 cm, the same on every learner, so federated parameters agree.
 * Without a test split, a fifth of the rows is held out.
 */
public final class IrisDataManager implements DataManager<LabeledData> {

  static final int FEATURES = 4;
  static final int CLASSES = 3;
  private static final float SCALE_CM = 8f;

  @Override
  public LabeledData prepare(LocalData data) {
    DataSet training = dataSet(data.training());
    if (data.test().isPresent()) {
      return new LabeledData(training, dataSet(data.test().get()));
    }
    training.shuffle(7);
    var split = training.splitTestAndTrain(0.8);
    return new LabeledData(split.getTrain(), split.getTest());
  }

  static DataSet dataSet(Table table) {
    float[][] features = table.floats("features");
    int[] labels = table.ints("label");
    float[][] scaled = new float[features.length][FEATURES];
    float[][] oneHot = new float[labels.length][CLASSES];
    for (int i = 0; i < labels.length; i++) {
      for (int j = 0; j < FEATURES; j++) {
        scaled[i][j] = features[i][j] / SCALE_CM;
      }
      oneHot[i][labels[i]] = 1f;
    }
    return new DataSet(
        Nd4j.create(scaled).castTo(DataType.FLOAT), Nd4j.create(oneHot).castTo(DataType.FLOAT));
  }
}
