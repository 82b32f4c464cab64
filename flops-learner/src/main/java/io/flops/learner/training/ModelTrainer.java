package io.flops.learner.training;

import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;

/** Carries out the aggregator's instructions on the user's model and the prepared local data. */
public final class ModelTrainer<D> implements InstructionHandler {

  private final ModelManager<D> model;
  private final D data;

  public ModelTrainer(ModelManager<D> model, D data) {
    this.model = model;
    this.data = data;
  }

  @Override
  public FitAnswer fit(float[] parameters, Instruction instruction) {
    model.setParameters(parameters);
    FitResult result =
        model.fit(
            data,
            new FitConfig(
                instruction.getRound(),
                Math.max(1, instruction.getLocalEpochs()),
                instruction.getBatchSize(),
                instruction.getConfigMap()));
    return new FitAnswer(model.getParameters(), result.examples(), result.metrics());
  }

  @Override
  public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) {
    model.setParameters(parameters);
    EvaluationResult result = model.evaluate(data);
    return new EvaluateAnswer(
        result.loss(), result.accuracy(), result.examples(), result.metrics());
  }
}
