package io.flops.tracking.server;

import java.time.Duration;

/**
 * How to reach an MLflow tracking server.
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
