package io.flops.tracking.server;

import java.time.Duration;
import java.util.Map;
import org.mlflow.tracking.creds.BasicMlflowHostCreds;

/**
 * How to reach an MLflow tracking server. The credentials go to mlflow-client as its host
 * credentials ({@link #hostCreds()}): a token is sent as {@code Authorization: Bearer}, else a user
 * and password as {@code Basic}.
 *
 * @param url the server's base URL, e.g. {@code http://mlflow:5000}
 * @param token a bearer token (sent as {@code Authorization: Bearer}), or empty
 * @param username a basic-auth user (used when no token is given), or empty
 * @param password the basic-auth password, or empty
 * @param requestTimeout the time one HTTP request may take
 * @param attempts how often one request is tried before it counts as an outage
 * @param retryBackoff the pause after the first failed attempt (grows linearly)
 * @param outageBackoff the longest pause between tries of a buffered call during an outage
 * @param resultWait how long a caller waits for an id before it gets a provisional one
 * @param bufferCapacity how many calls are kept while the server is unreachable
 * @param closeTimeout how long {@code close()} waits for buffered calls to be delivered
 */
public record MlflowServerSettings(
    String url,
    String token,
    String username,
    String password,
    Duration requestTimeout,
    int attempts,
    Duration retryBackoff,
    Duration outageBackoff,
    Duration resultWait,
    int bufferCapacity,
    Duration closeTimeout) {

  public MlflowServerSettings {
    token = token == null ? "" : token;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (attempts < 1 || bufferCapacity < 1) {
      throw new IllegalArgumentException(
          "MLflow server settings need at least 1 attempt and a buffer of at least 1 call.");
    }
  }

  /** MLflow's standard credential variables, which mlflow-client's users set. */
  public enum StandardVariable {
    TOKEN("MLFLOW_TRACKING_TOKEN"),
    USERNAME("MLFLOW_TRACKING_USERNAME"),
    PASSWORD("MLFLOW_TRACKING_PASSWORD");

    private final String envName;

    StandardVariable(String envName) {
      this.envName = envName;
    }

    /** The variable's name, e.g. {@code MLFLOW_TRACKING_TOKEN}. */
    public String envName() {
      return envName;
    }
  }

  /**
   * These settings, or, when they carry no credential, these settings with the credentials of
   * MLflow's standard variables {@code MLFLOW_TRACKING_TOKEN}, {@code MLFLOW_TRACKING_USERNAME} and
   * {@code MLFLOW_TRACKING_PASSWORD} in {@code environment}.
   */
  public MlflowServerSettings withStandardCredentials(Map<String, String> environment) {
    if (!token.isBlank() || !username.isBlank()) {
      return this;
    }
    return new MlflowServerSettings(
        url,
        environment.getOrDefault(StandardVariable.TOKEN.envName(), ""),
        environment.getOrDefault(StandardVariable.USERNAME.envName(), ""),
        environment.getOrDefault(StandardVariable.PASSWORD.envName(), ""),
        requestTimeout,
        attempts,
        retryBackoff,
        outageBackoff,
        resultWait,
        bufferCapacity,
        closeTimeout);
  }

  /** The server and credentials as mlflow-client takes them; a token wins over a user. */
  public BasicMlflowHostCreds hostCreds() {
    String host = url.replaceAll("/+$", "");
    if (!token.isBlank()) {
      return new BasicMlflowHostCreds(host, token);
    }
    if (!username.isBlank()) {
      return new BasicMlflowHostCreds(host, username, password);
    }
    return new BasicMlflowHostCreds(host);
  }

  /** Leaves out the secrets. */
  @Override
  public String toString() {
    return "MlflowServerSettings[url="
        + url
        + ", credentials="
        + (token.isBlank() && username.isBlank() ? "none" : "set")
        + "]";
  }

  /** Defaults for {@code url} with the given credentials (any may be empty). */
  public static MlflowServerSettings of(
      String url, String token, String username, String password) {
    return new MlflowServerSettings(
        url,
        token,
        username,
        password,
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        10_000,
        Duration.ofSeconds(60));
  }
}
