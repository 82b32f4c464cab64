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
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Collectors;
import org.mlflow.tracking.creds.MlflowHostCreds;

/**
 * Files through an MLflow server's artifact proxy ({@code /api/2.0/mlflow-artifacts/artifacts}),
 * written by hand because mlflow-client's artifact methods start a Python process. It sends the
 * client's host credentials the way the client does (a user and password as {@code Basic}, else a
 * token as {@code Bearer}) and retries like the REST calls ({@link QuickRetries}).
 */
final class ArtifactProxy {

  private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts";

  private final MlflowHostCreds credentials;
  private final Duration timeout;
  private final QuickRetries retries;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  ArtifactProxy(MlflowHostCreds credentials, Duration timeout, QuickRetries retries) {
    this.credentials = credentials;
    this.timeout = timeout;
    this.retries = retries;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Uploads {@code file} to {@code proxyPath} (no leading slash), e.g. {@code 1/<run>/...}. */
  void upload(String proxyPath, Path file) {
    String what = "upload of artifact " + proxyPath;
    retries.run(
        what,
        () ->
            send(
                what,
                request(ARTIFACTS + "/" + encodePath(proxyPath))
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))));
  }

  /**
   * The directory {@code proxyPath}: {@code files} with {@code path} (a name) and {@code is_dir}.
   */
  JsonNode list(String proxyPath) {
    String what = "listing of artifacts " + proxyPath;
    return retries.run(
        what,
        () ->
            send(
                what,
                request(ARTIFACTS + "?path=" + URLEncoder.encode(proxyPath, StandardCharsets.UTF_8))
                    .GET()));
  }

  /** Downloads the file at {@code proxyPath} into {@code target}. */
  void download(String proxyPath, Path target) {
    String what = "download of artifact " + proxyPath;
    HttpRequest request = request(ARTIFACTS + "/" + encodePath(proxyPath)).GET().build();
    retries.run(
        what,
        () -> {
          HttpResponse<Path> response =
              client.send(request, HttpResponse.BodyHandlers.ofFile(target));
          if (response.statusCode() >= 300) {
            String body = Files.readString(target);
            Files.deleteIfExists(target);
            throw MlflowHttpException.refused(server(), what, response.statusCode(), body);
          }
          return target;
        });
  }

  private JsonNode send(String what, HttpRequest.Builder builder)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 300) {
      throw MlflowHttpException.refused(server(), what, response.statusCode(), response.body());
    }
    return json.readTree(response.body().isBlank() ? "{}" : response.body());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server() + pathAndQuery))
            .timeout(timeout)
            .header("User-Agent", "flops-tracking");
    String username = credentials.getUsername();
    String password = credentials.getPassword();
    if (username != null && password != null) {
      String pair = username + ":" + password;
      builder.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else if (credentials.getToken() != null) {
      builder.header("Authorization", "Bearer " + credentials.getToken());
    }
    return builder;
  }

  private String server() {
    return credentials.getHost();
  }

  private static String encodePath(String path) {
    return Arrays.stream(path.split("/"))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }
}
