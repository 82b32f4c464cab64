package io.flops.builder.trainedmodel;

import io.flops.builder.plan.BuildFailure;
import io.flops.common.launch.BuilderLaunch;
import io.flops.tracking.TrackerFactory;
import java.nio.file.Path;

/**
 * Where the trained model is: a run's artifacts in the tracking store ({@code runs:/<run
 * id>/<path>}, what the aggregator reports as the model URI) or a model directory on this machine.
 *
 * @param uri the URI as given (or derived from the run id)
 * @param runId the run holding the model (tracked models), else empty
 * @param artifactPath the model's path among the run's artifacts (tracked models), else empty
 * @param directory the model directory (local models), else null
 */
public record ModelLocation(String uri, String runId, String artifactPath, Path directory) {

  /** The artifact path the aggregator logs the best model under. */
  public static final String DEFAULT_ARTIFACT_PATH = "model";

  private static final String RUNS = "runs:/";

  /** True when the model is fetched from the tracking store. */
  public boolean tracked() {
    return directory == null;
  }

  /**
   * Reads {@code FLOPS_BUILDER_MODEL_URI}; when it is empty, the model is {@code
   * runs:/<runId>/model}.
   */
  public static ModelLocation parse(String modelUri, String runId) throws BuildFailure {
    String uri = modelUri == null ? "" : modelUri.trim();
    if (uri.isEmpty()) {
      if (runId == null || runId.isBlank()) {
        throw new BuildFailure(
            "No model to build: "
                + BuilderLaunch.Variable.MODEL_URI.envName()
                + " and "
                + BuilderLaunch.Variable.RUN_ID.envName()
                + " are both empty.");
      }
      return runs(RUNS + runId.trim() + "/" + DEFAULT_ARTIFACT_PATH);
    }
    if (uri.startsWith(RUNS)) {
      return runs(uri);
    }
    if (uri.startsWith("file:")) {
      return new ModelLocation(uri, "", "", TrackerFactory.fileStoreRoot(uri));
    }
    if (uri.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      throw new BuildFailure(
          "The model URI "
              + uri
              + " is not supported; give runs:/<run id>/<artifact path> or a model directory.");
    }
    return new ModelLocation(uri, "", "", Path.of(uri).toAbsolutePath().normalize());
  }

  private static ModelLocation runs(String uri) throws BuildFailure {
    String rest = uri.substring(RUNS.length()).replaceAll("^/+", "").replaceAll("/+$", "");
    int slash = rest.indexOf('/');
    String run = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    if (run.isEmpty()) {
      throw new BuildFailure("The model URI " + uri + " names no run.");
    }
    return new ModelLocation(uri, run, path, null);
  }
}
