package io.flops.aggregator.fl;

import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;
import io.flops.mlapi.ModelSignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A user model that also records the rounds it trained, and can run a hook before each fit. */
final class CountingModel<D> implements ModelManager<D> {

  final List<Integer> fittedRounds = new CopyOnWriteArrayList<>();
  private final ModelManager<D> delegate;
  private volatile Consumer<FitConfig> beforeFit = config -> {};

  CountingModel(ModelManager<D> delegate) {
    this.delegate = delegate;
  }

  void beforeFit(Consumer<FitConfig> hook) {
    this.beforeFit = hook;
  }

  @Override
  public FitResult fit(D data, FitConfig config) {
    beforeFit.accept(config);
    FitResult result = delegate.fit(data, config);
    fittedRounds.add(config.round());
    return result;
  }

  @Override
  public String flavor() {
    return delegate.flavor();
  }

  @Override
  public float[] getParameters() {
    return delegate.getParameters();
  }

  @Override
  public void setParameters(float[] parameters) {
    delegate.setParameters(parameters);
  }

  @Override
  public EvaluationResult evaluate(D data) {
    return delegate.evaluate(data);
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
