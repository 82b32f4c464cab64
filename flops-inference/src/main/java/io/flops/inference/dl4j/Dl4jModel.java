package io.flops.inference.dl4j;

import io.flops.inference.model.Batch;
import io.flops.inference.model.ServableModel;
import io.flops.mlapi.ModelSignature;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A DL4J network served whole-batch: each batch becomes one {@link INDArray} of shape {@code [rows,
 * ...row shape]} and goes through the network in one call. DL4J networks are not safe for
 * concurrent use, so calls are serialized (a batch already uses every core).
 */
final class Dl4jModel implements ServableModel {

  private final ModelSignature signature;
  private final UnaryOperator<INDArray> network;

  private Dl4jModel(ModelSignature signature, UnaryOperator<INDArray> network) {
    this.signature = signature;
    this.network = network;
  }

  static Dl4jModel of(MultiLayerNetwork network, ModelSignature signature) {
    return new Dl4jModel(signature, input -> network.output(input, false));
  }

  static Dl4jModel of(ComputationGraph graph, ModelSignature signature) {
    return new Dl4jModel(signature, input -> graph.outputSingle(false, input));
  }

  @Override
  public ModelSignature signature() {
    return signature;
  }

  @Override
  public float[][] predict(Batch batch) {
    long[] shape = new long[batch.rowShape().length + 1];
    shape[0] = batch.rows();
    System.arraycopy(batch.rowShape(), 0, shape, 1, batch.rowShape().length);
    INDArray input = Nd4j.create(batch.values(), shape, 'c');
    INDArray output;
    synchronized (this) {
      output = network.apply(input);
    }
    return output.reshape('c', batch.rows(), -1).castTo(DataType.FLOAT).toFloatMatrix();
  }
}
