package io.flops.cli.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The kinds of ML repository {@code flops init} writes; each is a model over one data tag. */
public enum Template {
  /** The MNIST MLP of {@code examples/mnist-dl4j}. */
  MLP("a 784-128-10 multilayer perceptron on MNIST digits", DataSet.MNIST, "MlpModel"),
  /** A LeNet-like CNN on MNIST, fed the flat rows. */
  CNN("a small convolutional network on MNIST digits", DataSet.MNIST, "CnnModel"),
  /** The Iris logistic regression of {@code examples/iris-logistic}. */
  LOGISTIC("multinomial logistic regression on Iris flowers", DataSet.IRIS, "LogisticModel");

  private final String description;
  private final DataSet dataSet;
  private final String modelClass;

  Template(String description, DataSet dataSet, String modelClass) {
    this.description = description;
    this.dataSet = dataSet;
    this.modelClass = modelClass;
  }

  /** The name on the command line, e.g. {@code cnn}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** One line: what it trains on what. */
  public String description() {
    return description;
  }

  /** The data tag its {@code DataManager} reads (a data set of the mock data provider). */
  public String dataTag() {
    return dataSet.tag;
  }

  /** The {@code ModelManager} class it writes. */
  public String modelClass() {
    return modelClass;
  }

  /** The {@code DataManager} class it writes. */
  public String dataClass() {
    return dataSet.dataClass;
  }

  /** The SLA's memory per learner and aggregator, MiB. */
  public int memoryMb() {
    return dataSet.memoryMb;
  }

  /** Every file it writes: the shared ones, its data set's and its model's. */
  List<TemplateFile> files() {
    List<TemplateFile> files = new ArrayList<>(TemplateFile.common());
    files.add(TemplateFile.main(dataSet.tag, dataSet.dataClass));
    files.add(TemplateFile.test(dataSet.tag, "SyntheticData"));
    files.add(TemplateFile.main(id(), modelClass));
    return files;
  }

  /** The data sets the templates read, as FLOps' mock data provider pushes them (docs/data.md). */
  private enum DataSet {
    MNIST("mnist", "MnistData", 2048),
    IRIS("iris", "IrisData", 1024);

    private final String tag;
    private final String dataClass;
    private final int memoryMb;

    DataSet(String tag, String dataClass, int memoryMb) {
      this.tag = tag;
      this.dataClass = dataClass;
      this.memoryMb = memoryMb;
    }
  }
}
