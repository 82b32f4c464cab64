package io.flops.examples.mnist;

import io.flops.mlapi.DataManager;
import io.flops.mlapi.LocalData;
import io.flops.mlapi.Table;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns the learner's MNIST rows (column {@code image}: 784 pixels scaled to 0..1, column {@code
 * label}: the digit) into DL4J data sets. Without a test split, every fifth row is held out.
 */
public final class MnistDataManager implements DataManager<LabeledData> {

  static final int PIXELS = 784;
  static final int CLASSES = 10;

  @Override
  public LabeledData prepare(LocalData data) {
    DataSet training = dataSet(data.training());
    if (data.test().isPresent()) {
      return new LabeledData(training, dataSet(data.test().get()));
    }
    var split = training.splitTestAndTrain(0.8);
    return new LabeledData(split.getTrain(), split.getTest());
  }

  static DataSet dataSet(Table table) {
    float[][] images = table.floats("image");
    int[] labels = table.ints("label");
    float[][] oneHot = new float[labels.length][CLASSES];
    for (int i = 0; i < labels.length; i++) {
      oneHot[i][labels[i]] = 1f;
    }
    return new DataSet(
        Nd4j.create(images).castTo(DataType.FLOAT), Nd4j.create(oneHot).castTo(DataType.FLOAT));
  }
}
