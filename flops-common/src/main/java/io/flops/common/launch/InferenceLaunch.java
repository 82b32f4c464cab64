package io.flops.common.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an inference server is told when it starts (docs/services.md, "Inference server"): the
 * trained-model builder writes it into the image's environment.
 *
 * @param modelDir the MLflow model directory to serve (the folder holding {@code MLmodel})
 */
public record InferenceLaunch(Path modelDir) {

  /** The HTTP container port. */
  public static final int PORT = 8080;

  /** The inference server's variables. */
  public enum Variable implements LaunchVariable {
    MODEL_DIR("FLOPS_INFERENCE_MODEL_DIR");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  /** The inference server's variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads an inference server's settings; the model directory is required. */
  public static InferenceLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    read.required(Variable.MODEL_DIR);
    return new InferenceLaunch(read.path(Variable.MODEL_DIR, null));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter().put(Variable.MODEL_DIR, modelDir).toMap();
  }
}
