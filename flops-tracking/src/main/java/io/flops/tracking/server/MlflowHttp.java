package io.flops.tracking.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP to an MLflow 2.x server: JSON calls under {@code /api/2.0/mlflow/} and files through
 * the artifact proxy, with auth headers and quick retries on transient failures (connection
 * refused, 429, 502, 503, 504). Longer outages are the caller's business.
 */
public final class MlflowHttp {

  private static final Logger log = LoggerFactory.getLogger(MlflowHttp.class);
  private static final String API = "/api/2.0/mlflow/";
  private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";

  private final URI base;
  private final String authorization;
  private final MlflowServerSettings settings;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  public MlflowHttp(MlflowServerSettings settings) {
    this.settings = settings;
    this.base = URI.create(settings.url().replaceAll("/+$", ""));
    this.authorization = authorization(settings);
    this.client = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
  }

  /** The server's base URL. */
  public URI base() {
    return base;
  }

  /** POSTs {@code body} as JSON to {@code /api/2.0/mlflow/<endpoint>}. */
  public JsonNode post(String endpoint, Object body) {
    byte[] bytes = toJson(body);
    return send(
        "POST " + endpoint,
        request(API + endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  /** GETs {@code /api/2.0/mlflow/<endpoint>?<query>}. */
  public JsonNode get(String endpoint, Map<String, String> query) {
    return send("GET " + endpoint, request(API + endpoint + queryString(query)).GET());
  }

  /** Uploads {@code file} to the artifact proxy at {@code <proxyPath>} (no leading slash). */
  public void putArtifact(String proxyPath, Path file) throws IOException {
    send(
        "upload of artifact " + proxyPath,
        request(ARTIFACTS + "/" + encodePath(proxyPath))
            .PUT(HttpRequest.BodyPublishers.ofFile(file)));
  }

  /** Lists the artifact proxy directory {@code proxyPath}; entries have path, is_dir. */
  public JsonNode listArtifacts(String proxyPath) {
    return send(
        "listing of artifacts " + proxyPath,
        request(ARTIFACTS + queryString(Map.of("path", proxyPath))).GET());
  }

  /** Downloads the artifact at {@code proxyPath} into {@code target}. */
  public void getArtifact(String proxyPath, Path target) {
    HttpRequest request = request(ARTIFACTS + "/" + encodePath(proxyPath)).GET().build();
    withRetries(
        "download of artifact " + proxyPath,
        () -> {
          HttpResponse<Path> response =
              client.send(request, HttpResponse.BodyHandlers.ofFile(target));
          if (response.statusCode() >= 300) {
            String body = Files.readString(target);
            Files.deleteIfExists(target);
            throw failure("download of artifact " + proxyPath, response.statusCode(), body);
          }
          return null;
        });
  }

  private JsonNode send(String what, HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    return withRetries(
        what,
        () -> {
          HttpResponse<String> response =
              client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
          if (response.statusCode() >= 300) {
            throw failure(what, response.statusCode(), response.body());
          }
          return json.readTree(response.body().isBlank() ? "{}" : response.body());
        });
  }

  private <T> T withRetries(String what, Call<T> call) {
    MlflowHttpException last = null;
    for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
      try {
        return call.run();
      } catch (MlflowHttpException e) {
        if (!e.isTransient()) {
          throw e;
        }
        last = e;
      } catch (IOException e) {
        last =
            new MlflowHttpException(
                "MLflow server " + base + " could not be reached for " + what + ": " + e, 0, "", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MlflowHttpException("Interrupted during " + what + ".", 0, "", e);
      }
      log.debug("Attempt {} of {} failed: {}", attempt, what, last.getMessage());
      if (attempt < settings.attempts()) {
        sleep(settings.retryBackoff().multipliedBy(attempt));
      }
    }
    throw last;
  }

  private MlflowHttpException failure(String what, int status, String body) {
    String code = "";
    String message = body;
    try {
      JsonNode error = json.readTree(body);
      code = error.path("error_code").asText("");
      message = error.path("message").asText(body);
    } catch (IOException | RuntimeException notJson) {
      message = body.length() > 200 ? body.substring(0, 200) : body;
    }
    return new MlflowHttpException(
        "MLflow server " + base + " refused " + what + " with HTTP " + status + ": " + message,
        status,
        code,
        null);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(settings.requestTimeout())
            .header("User-Agent", "flops-tracking");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private byte[] toJson(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Could not write an MLflow request as JSON: " + e, e);
    }
  }

  private static String authorization(MlflowServerSettings settings) {
    if (!settings.token().isBlank()) {
      return "Bearer " + settings.token();
    }
    if (!settings.username().isBlank()) {
      String pair = settings.username() + ":" + settings.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    return query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&", "?", ""));
  }

  private static String encodePath(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .map(segment -> encode(segment).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException, InterruptedException;
  }
}
