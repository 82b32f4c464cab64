package io.flops.aggregator.fl;

import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A user model gone wrong: fewer parameters than the others, or NaN evaluations. */
final class AlteredModel<D> implements ModelManager<D> {

  private final ModelManager<D> delegate;
  private final int missingParameters;
  private final boolean nanEvaluation;

  AlteredModel(ModelManager<D> delegate, int missingParameters, boolean nanEvaluation) {
    this.delegate = delegate;
    this.missingParameters = missingParameters;
    this.nanEvaluation = nanEvaluation;
  }

  @Override
  public float[] getParameters() {
    float[] all = delegate.getParameters();
    return Arrays.copyOf(all, all.length - missingParameters);
  }

  @Override
  public void setParameters(float[] parameters) {
    delegate.setParameters(parameters);
  }

  @Override
  public FitResult fit(D data, FitConfig config) {
    return delegate.fit(data, config);
  }

  @Override
  public EvaluationResult evaluate(D data) {
    EvaluationResult result = delegate.evaluate(data);
    return nanEvaluation
        ? new EvaluationResult(Double.NaN, Double.NaN, result.examples(), result.metrics())
        : result;
  }

  @Override
  public String flavor() {
    return delegate.flavor();
  }

  @Override
  public ModelSignature signature() {
    return delegate.signature();
  }

  @Override
  public List<String> save(Path directory) throws IOException {
    return delegate.save(directory);
  }
}
