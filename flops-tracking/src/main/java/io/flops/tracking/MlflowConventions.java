package io.flops.tracking;

/**
 * What FLOps records the same way in every MLflow store (file store and tracking server): the user
 * its runs belong to, MLflow's system tags, and the description of a registered model.
 */
public final class MlflowConventions {

  /** The user of every run: its {@code user_id} and its {@code mlflow.user} tag. */
  public static final String USER = "flops";

  /** MLflow's tag holding a run's name. */
  public static final String RUN_NAME_TAG = "mlflow.runName";

  /** MLflow's tag holding a run's user. */
  public static final String USER_TAG = "mlflow.user";

  /** MLflow's tag naming the run a nested run belongs to. */
  public static final String PARENT_RUN_TAG = "mlflow.parentRunId";

  /** MLflow's tag listing the models logged into a run (the web UI reads it). */
  public static final String MODEL_HISTORY_TAG = "mlflow.log-model.history";

  private MlflowConventions() {}

  /** The description of the registered model {@code name} (a FLOps project's id). */
  public static String registeredModelDescription(String name) {
    return "FLOps project " + name;
  }
}
