package io.flops.examples.mnist;

import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A 784-128-10 multilayer perceptron (ReLU, softmax, Adam 1e-3) for MNIST digits. */
public final class MnistModel implements ModelManager<LabeledData> {

  private static final int DEFAULT_BATCH = 32;

  private final MultiLayerNetwork network;

  /** Builds the initial model (the same on every node: the seed is fixed). */
  public MnistModel() {
    MultiLayerConfiguration configuration =
        new NeuralNetConfiguration.Builder()
            .seed(123)
            .updater(new Adam(1e-3))
            .weightInit(WeightInit.XAVIER)
            .list()
            .layer(
                new DenseLayer.Builder()
                    .nIn(MnistDataManager.PIXELS)
                    .nOut(128)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                    .nIn(128)
                    .nOut(MnistDataManager.CLASSES)
                    .activation(Activation.SOFTMAX)
                    .build())
            .build();
    network = new MultiLayerNetwork(configuration);
    network.init();
  }

  @Override
  public String flavor() {
    return "dl4j";
  }

  @Override
  public float[] getParameters() {
    return network.params().toFloatVector();
  }

  @Override
  public void setParameters(float[] parameters) {
    network.setParams(Nd4j.create(parameters, new long[] {1, parameters.length}, DataType.FLOAT));
  }

  @Override
  public FitResult fit(LabeledData data, FitConfig config) {
    int batch = config.batchSize() > 0 ? config.batchSize() : DEFAULT_BATCH;
    double lossSum = 0;
    int steps = 0;
    for (int epoch = 0; epoch < config.localEpochs(); epoch++) {
      DataSet shuffled = data.training().copy();
      shuffled.shuffle(31L * config.round() + epoch);
      for (DataSet minibatch : shuffled.batchBy(batch)) {
        network.fit(minibatch);
        lossSum += network.score();
        steps++;
      }
    }
    return new FitResult(
        (long) data.training().numExamples() * config.localEpochs(),
        Map.of("loss", steps == 0 ? 0 : lossSum / steps));
  }

  @Override
  public EvaluationResult evaluate(LabeledData data) {
    DataSet test = data.test();
    Evaluation evaluation = new Evaluation(MnistDataManager.CLASSES);
    evaluation.eval(test.getLabels(), network.output(test.getFeatures(), false));
    return new EvaluationResult(
        network.score(test, false), evaluation.accuracy(), test.numExamples(), Map.of());
  }

  @Override
  public ModelSignature signature() {
    return new ModelSignature(
        new long[] {MnistDataManager.PIXELS},
        "float32",
        IntStream.range(0, MnistDataManager.CLASSES).mapToObj(String::valueOf).toList());
  }

  @Override
  public List<String> save(Path directory) throws IOException {
    ModelSerializer.writeModel(network, directory.resolve("model.zip").toFile(), false);
    return List.of("model.zip");
  }
}
