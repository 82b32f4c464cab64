package org.example.mini;

import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.LocalData;
import io.flops.mlapi.ModelManager;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A small DL4J network: 784 → HIDDEN → 10. */
public class MiniModelManager implements ModelManager<LocalData> {

  private final MultiLayerNetwork network;

  public MiniModelManager() {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(42)
            .list()
            .layer(new DenseLayer.Builder().nIn(784).nOut(Hyper.HIDDEN).activation(Activation.RELU).build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.NEGATIVELOGLIKELIHOOD)
                    .nIn(Hyper.HIDDEN)
                    .nOut(10)
                    .activation(Activation.SOFTMAX)
                    .build())
            .build();
    network = new MultiLayerNetwork(conf);
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
    network.setParams(Nd4j.create(parameters).reshape(1, parameters.length));
  }

  @Override
  public FitResult fit(LocalData data, FitConfig config) {
    return new FitResult(0, Map.of());
  }

  @Override
  public EvaluationResult evaluate(LocalData data) {
    return new EvaluationResult(0, 0, 0, Map.of());
  }

  @Override
  public ModelSignature signature() {
    return new ModelSignature(new long[] {-1, 784}, "float32", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
  }

  @Override
  public List<String> save(Path directory) throws IOException {
    ModelSerializer.writeModel(network, directory.resolve("model.zip").toFile(), false);
    return List.of("model.zip");
  }
}
