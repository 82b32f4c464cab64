package io.flops.inference;

import io.flops.common.testsupport.MnistFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.deeplearning4j.datasets.iterator.impl.MnistDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A 784-64-10 MLP trained for one epoch on 10,000 real MNIST training digits, saved as an MLflow
 * model directory the way FLOps' tracking writes it ({@code model.zip} from DL4J's ModelSerializer,
 * an {@code MLmodel} naming the {@code dl4j} flavor, {@code dependencies.txt}), with the first test
 * digits and the network's own in-process predictions for them. Trained once per test JVM.
 */
public final class MnistModelFixture {

  /** How many test digits the fixture holds. */
  public static final int TEST_ROWS = 1000;

  private static MnistModelFixture instance;

  private final Path directory;
  private final float[][] testFeatures;
  private final int[] testLabels;
  private final int[] inProcessPredictions;

  private MnistModelFixture(Path directory, float[][] features, int[] labels, int[] predictions) {
    this.directory = directory;
    this.testFeatures = features;
    this.testLabels = labels;
    this.inProcessPredictions = predictions;
  }

  /** The trained model and its test data, trained on first use. */
  public static synchronized MnistModelFixture get() {
    if (instance == null) {
      try {
        instance = train(Path.of("target", "mnist-mlflow-model").toAbsolutePath());
      } catch (IOException e) {
        throw new UncheckedIOException("Could not train and save the MNIST model", e);
      }
    }
    return instance;
  }

  /** The MLflow model directory. */
  public Path directory() {
    return directory;
  }

  /** The first {@link #TEST_ROWS} MNIST test digits, 784 values in [0, 1] each. */
  public float[][] testFeatures() {
    return testFeatures;
  }

  /** Their true labels. */
  public int[] testLabels() {
    return testLabels;
  }

  /** What the trained network predicts for them in this JVM. */
  public int[] inProcessPredictions() {
    return inProcessPredictions;
  }

  /** The share of {@code predictions} equal to the true labels. */
  public double accuracy(int[] predictions) {
    long correct =
        IntStream.range(0, predictions.length).filter(i -> predictions[i] == testLabels[i]).count();
    return (double) correct / predictions.length;
  }

  private static MnistModelFixture train(Path directory) throws IOException {
    java.io.File mnist = MnistFiles.directory().toFile();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration());
    network.init();
    network.fit(new MnistDataSetIterator(128, 10_000, false, true, true, 123, mnist), 1);
    DataSet test =
        new MnistDataSetIterator(TEST_ROWS, TEST_ROWS, false, false, false, 123, mnist).next();
    INDArray predictions = network.output(test.getFeatures(), false).argMax(1);
    Files.createDirectories(directory);
    ModelSerializer.writeModel(network, directory.resolve("model.zip").toFile(), false);
    Files.writeString(directory.resolve("MLmodel"), mlmodel());
    Files.writeString(
        directory.resolve("dependencies.txt"), "org.deeplearning4j:deeplearning4j-nn:1.0.0-M2.1\n");
    return new MnistModelFixture(
        directory,
        test.getFeatures().toFloatMatrix(),
        test.getLabels().argMax(1).toIntVector(),
        predictions.toIntVector());
  }

  private static MultiLayerConfiguration configuration() {
    return new NeuralNetConfiguration.Builder()
        .seed(123)
        .updater(new Adam(1e-3))
        .weightInit(WeightInit.XAVIER)
        .list()
        .layer(new DenseLayer.Builder().nIn(784).nOut(64).activation(Activation.RELU).build())
        .layer(
            new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                .nIn(64)
                .nOut(10)
                .activation(Activation.SOFTMAX)
                .build())
        .build();
  }

  /** The MLmodel as flops-tracking's MlmodelWriter writes it for a dl4j model with 10 classes. */
  static String mlmodel() {
    String classes =
        IntStream.range(0, 10).mapToObj(i -> "    - '" + i + "'\n").collect(Collectors.joining());
    return """
        artifact_path: model
        flavors:
          dl4j:
            dependencies: dependencies.txt
            dl4j_version: 1.0.0-M2.1
            files:
            - model.zip
            model_data: model.zip
            output_classes:
        %smodel_uuid: 52551b9b85b44b3f98081494d7c4c910
        run_id: f80d49e3efc14616874e8767a4f68723
        signature:
          inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 784]}}]'
          outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 10]}}]'
          params: null
        utc_time_created: '2026-11-23 12:00:00.000000'
        """
        .formatted(classes);
  }
}
