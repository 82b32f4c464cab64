package io.flops.common.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an inference server is told when it starts (docs/services.md, "Inference server"). Two
 * writers share this record: the trained-model builder writes the model directory into the image's
 * environment, and the manager adds the token and the TLS identity when it deploys the image (each
 * leaves the other's variables unset).
 *
 * @param modelDir the MLflow model directory to serve (the folder holding {@code MLmodel})
 * @param token the bearer token every call but health needs ({@code Authorization: Bearer
 *     <token>}); empty: open to every caller
 * @param tls the server's certificate for HTTPS ({@link TlsLaunch#NONE}: plain HTTP)
 */
public record InferenceLaunch(Path modelDir, String token, TlsLaunch tls) {

  /** The HTTP container port. */
  public static final int PORT = 8080;

  /** The inference server's own variables (it also reads {@link TlsLaunch}'s). */
  public enum Variable implements LaunchVariable {
    MODEL_DIR("FLOPS_INFERENCE_MODEL_DIR"),
    TOKEN("FLOPS_INFERENCE_TOKEN");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public InferenceLaunch {
    token = token == null ? "" : token.trim();
    tls = tls == null ? TlsLaunch.NONE : tls;
  }

  /** A server of the model in {@code modelDir}, open to every caller over plain HTTP. */
  public InferenceLaunch(Path modelDir) {
    this(modelDir, "", TlsLaunch.NONE);
  }

  /** What the manager adds at deployment: the token and the TLS identity, no model directory. */
  public static InferenceLaunch access(String token, TlsLaunch tls) {
    return new InferenceLaunch(null, token, tls);
  }

  /** The inference server's own variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads an inference server's settings; the model directory is required. */
  public static InferenceLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    read.required(Variable.MODEL_DIR);
    return new InferenceLaunch(
        read.path(Variable.MODEL_DIR, null),
        read.text(Variable.TOKEN, ""),
        TlsLaunch.fromEnvironment(environment));
  }

  /** These settings as environment variables (unset ones left out). */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.MODEL_DIR, modelDir)
        .put(Variable.TOKEN, token)
        .putAll(tls.toEnvironment())
        .toMap();
  }

  /** Leaves out the token and the key. */
  @Override
  public String toString() {
    return "InferenceLaunch[modelDir="
        + modelDir
        + ", token="
        + (token.isEmpty() ? "none" : "set")
        + ", "
        + tls
        + "]";
  }
}
