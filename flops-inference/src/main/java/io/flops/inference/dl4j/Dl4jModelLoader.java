package io.flops.inference.dl4j;

import io.flops.inference.model.Batch;
import io.flops.inference.model.FlavorConfig;
import io.flops.inference.model.ModelDescription;
import io.flops.inference.model.ModelLoadException;
import io.flops.inference.model.ModelLoader;
import io.flops.inference.model.ServableModel;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Loads the {@code dl4j} flavor: a {@code MultiLayerNetwork} or {@code ComputationGraph} saved with
 * DL4J's {@code ModelSerializer}. Before serving, one zero row of the signature's shape is run
 * through the network, so a signature that does not fit the network fails at start, not per call.
 */
public final class Dl4jModelLoader implements ModelLoader {

  /** The flavor name in {@code MLmodel}. */
  public static final String FLAVOR = "dl4j";

  @Override
  public String flavor() {
    return FLAVOR;
  }

  @Override
  public ServableModel load(ModelDescription description) {
    FlavorConfig flavor = description.flavors().get(FLAVOR);
    Path file = ModelFiles.find(description.directory(), flavor);
    List<String> classes = flavor.texts("output_classes");
    Dl4jModel model;
    try {
      if (ModelFiles.isComputationGraph(file)) {
        var graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        ModelSignature signature = description.signature().orElseThrow(() -> noSignature(file));
        model = Dl4jModel.of(graph, signature);
      } else {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        ModelSignature signature =
            description.signature().orElseGet(() -> inferred(network, classes, file));
        model = Dl4jModel.of(network, signature);
      }
    } catch (ModelLoadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ModelLoadException(
          "Could not load the DL4J model " + file + ": " + e.getMessage(), e);
    }
    checkSignature(model, file);
    return model;
  }

  private static ModelSignature inferred(
      MultiLayerNetwork network, List<String> classes, Path file) {
    Layer first = network.getLayerWiseConfigurations().getConf(0).getLayer();
    if (!(first instanceof FeedForwardLayer feedForward) || feedForward.getNIn() <= 0) {
      throw noSignature(file);
    }
    return new ModelSignature(new long[] {feedForward.getNIn()}, "float32", classes);
  }

  private static ModelLoadException noSignature(Path file) {
    return new ModelLoadException(
        "The MLmodel beside "
            + file
            + " has no signature and the input shape cannot be taken from the network;"
            + " add signature.inputs with the tensor shape, e.g. [-1, 784].");
  }

  private static void checkSignature(Dl4jModel model, Path file) {
    ModelSignature signature = model.signature();
    long width = signature.inputWidth();
    float[][] outputs;
    try {
      outputs = model.predict(new Batch(new float[(int) width], 1, signature.inputShape()));
    } catch (RuntimeException e) {
      throw new ModelLoadException(
          "The DL4J model "
              + file
              + " does not accept rows of the signature's shape "
              + Arrays.toString(signature.inputShape())
              + ": "
              + e.getMessage(),
          e);
    }
    int classes = signature.outputClasses().size();
    if (classes > 0 && outputs[0].length != classes) {
      throw new ModelLoadException(
          "The DL4J model "
              + file
              + " has "
              + outputs[0].length
              + " outputs, but the MLmodel names "
              + classes
              + " output classes.");
    }
  }
}
