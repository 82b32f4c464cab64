package io.flops.tracking.server;

import io.flops.tracking.ExperimentTracker;
import io.flops.tracking.ExperimentTrackerContract;
import org.junit.jupiter.api.AfterEach;

/** The server adapter passes the port's contract against the recorded MLflow exchanges. */
class MlflowServerTrackerContractTest extends ExperimentTrackerContract {

  private final MlflowStubServer mlflow = new MlflowStubServer();

  @Override
  protected ExperimentTracker newTracker() {
    return new MlflowServerTracker(mlflow.settings("", "", ""));
  }

  @AfterEach
  void stop() {
    mlflow.close();
  }
}
