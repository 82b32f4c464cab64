package io.flops.learner.training;

import io.flops.common.fl.FatalLearnerException;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.mlapi.EvaluationResult;
import io.flops.mlapi.FitConfig;
import io.flops.mlapi.FitResult;
import io.flops.mlapi.ModelManager;

/**
 * Carries out the aggregator's instructions on the user's model and the prepared local data. The
 * global parameters must be as many as the model has (a model's {@code setParameters} may accept a
 * vector of another size without a word); otherwise the learner cannot take part.
 */
public final class ModelTrainer<D> implements InstructionHandler {

  private final String learner;
  private final ModelManager<D> model;
  private final D data;
  private int parameterCount = -1;

  public ModelTrainer(ModelManager<D> model, D data) {
    this("this learner", model, data);
  }

  /**
   * @param learner the learner's name, for messages
   */
  public ModelTrainer(String learner, ModelManager<D> model, D data) {
    this.learner = learner;
    this.model = model;
    this.data = data;
  }

  @Override
  public FitAnswer fit(float[] parameters, Instruction instruction) {
    load(parameters);
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
    load(parameters);
    EvaluationResult result = model.evaluate(data);
    return new EvaluateAnswer(
        result.loss(), result.accuracy(), result.examples(), result.metrics());
  }

  private void load(float[] parameters) {
    if (parameterCount < 0) {
      parameterCount = model.getParameters().length;
    }
    if (parameters.length != parameterCount) {
      throw new FatalLearnerException(
          "model of learner "
              + learner
              + " has "
              + parameterCount
              + " parameters, the global model "
              + parameters.length
              + " — do all learners build the same model?");
    }
    model.setParameters(parameters);
  }
}
