package io.flops.mlapi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds (or loads) the user's model and trains, evaluates and saves it. Found through {@link
 * java.util.ServiceLoader}; needs a public no-argument constructor that builds the initial model
 * without touching any data, because the aggregator instantiates it without data.
 *
 * @param <D> the prepared data type produced by the repository's {@link DataManager}
 */
public interface ModelManager<D> {

  /**
   * The model flavor, as named in the SLA's {@code ml_model_flavor} and in the MLmodel file (for
   * example {@code dl4j}).
   */
  String flavor();

  /** The model's parameters as one flat array; its length never changes during training. */
  float[] getParameters();

  /**
   * Replaces the model's parameters with {@code parameters} (same length as {@link
   * #getParameters}).
   */
  void setParameters(float[] parameters);

  /**
   * The parameters split into named tensors, in the order of the flat array. The default is one
   * tensor named {@code params}.
   */
  default List<NamedTensor> getNamedParameters() {
    float[] flat = getParameters();
    return List.of(new NamedTensor("params", new long[] {flat.length}, flat));
  }

  /** Trains on the local training data for {@code config.localEpochs()} epochs. */
  FitResult fit(D data, FitConfig config);

  /** Evaluates the current parameters on the local test data. */
  EvaluationResult evaluate(D data);

  /** What the model takes and returns, written into the MLmodel file and served by inference. */
  ModelSignature signature();

  /**
   * Writes the model into {@code directory} (created by the caller) in the flavor's own format, so
   * that tracking can log it and an inference server can load it.
   *
   * @return the file names written, relative to {@code directory}
   */
  List<String> save(Path directory) throws IOException;
}
