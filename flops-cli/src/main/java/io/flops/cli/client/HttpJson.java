package io.flops.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** JSON over {@code java.net.http} against one base URL, with readable errors. */
final class HttpJson {

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;

  HttpJson(URI baseUrl, Duration timeout) {
    String text = baseUrl.toString();
    this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  URI baseUrl() {
    return baseUrl;
  }

  JsonNode get(String path) {
    return send("GET", path, null);
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null);
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body);
  }

  <T> T convert(JsonNode node, Class<T> type) {
    try {
      return Json.MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new ManagerApiException(
          "The answer of " + baseUrl + " is not a " + type.getSimpleName() + ": " + e.getMessage(),
          200,
          e);
    }
  }

  private JsonNode send(String method, String path, Object body) {
    URI uri = baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
    String what = method + " " + uri;
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(timeout)
              .header("Accept", "application/json")
              .method(method, publisher);
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
      JsonNode answer =
          response.body().length == 0
              ? Json.MAPPER.createObjectNode()
              : Json.MAPPER.readTree(response.body());
      if (response.statusCode() / 100 != 2) {
        throw new ManagerApiException(
            what + " answered " + response.statusCode() + ": " + Problems.describe(answer),
            response.statusCode(),
            null);
      }
      return answer;
    } catch (IOException e) {
      throw new ManagerApiException("Could not reach " + what + ": " + describe(e), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ManagerApiException(what + " was interrupted", 0, e);
    }
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
