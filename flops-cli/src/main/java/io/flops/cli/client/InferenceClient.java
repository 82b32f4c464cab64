package io.flops.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A client of an inference server's MLflow scoring protocol (docs/inference.md): {@code GET /ping}
 * and {@code POST /invocations} with {@code {"inputs": [row, ...]}}, with the server's token (the
 * project view's {@code inference_token}) when it needs one.
 */
public final class InferenceClient {

  private final HttpJson http;

  /**
   * @param baseUrl the server's root, e.g. the project's {@code inference_url}
   * @param timeout for connecting and for each answer
   * @param token sent as {@code Authorization: Bearer <token>}; null or empty: none
   * @param trust the authorities an {@code https://} server's certificate may come from (e.g.
   *     {@code CaTrust.sslContext} of {@link ManagerClient#authorityCertificate()}); null: the
   *     JDK's
   */
  public InferenceClient(URI baseUrl, Duration timeout, String token, SSLContext trust) {
    this.http = new HttpJson(baseUrl, timeout, token, trust);
  }

  /** A client of a server open to every caller. */
  public InferenceClient(URI baseUrl, Duration timeout) {
    this(baseUrl, timeout, null, null);
  }

  /** True when the server answers {@code GET /ping} (its model is loaded). */
  public boolean ready() {
    try {
      http.get("ping");
      return true;
    } catch (ManagerApiException e) {
      return false;
    }
  }

  /** One prediction per row, in order (for a classifier: the class name, e.g. {@code "7"}). */
  public List<String> predict(List<float[]> rows) {
    JsonNode answer = http.post("invocations", Map.of("inputs", rows));
    List<String> predictions = new ArrayList<>();
    for (JsonNode prediction : answer.path("predictions")) {
      predictions.add(prediction.isValueNode() ? prediction.asText() : prediction.toString());
    }
    if (predictions.size() != rows.size()) {
      throw new ManagerApiException(
          "The inference server at "
              + http.baseUrl()
              + " answered "
              + predictions.size()
              + " predictions for "
              + rows.size()
              + " rows: "
              + answer,
          200,
          null);
    }
    return predictions;
  }
}
