package io.flops.inference;

import io.flops.common.launch.InferenceLaunch;
import io.flops.inference.model.ModelLoadException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a model directory that cannot be served as one readable sentence at start-up. */
class ModelLoadFailureAnalyzer extends AbstractFailureAnalyzer<ModelLoadException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ModelLoadException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set "
            + InferenceLaunch.Variable.MODEL_DIR.envName()
            + " to an MLflow model directory whose MLmodel names a flavor"
            + " this server loads (dl4j), e.g. one downloaded with"
            + " 'mlflow artifacts download -u runs:/<run id>/model'.",
        cause);
  }
}
