package io.flops.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;

/**
 * JSON over {@code java.net.http} against one base URL, with readable errors; every request carries
 * {@code Authorization: Bearer <token>} when a token is given.
 */
final class HttpJson {

  private final URI baseUrl;
  private final Duration timeout;
  private final String token;
  private final HttpClient http;

  HttpJson(URI baseUrl, Duration timeout) {
    this(baseUrl, timeout, null);
  }

  HttpJson(URI baseUrl, Duration timeout, String token) {
    this(baseUrl, timeout, token, null);
  }

  /**
   * @param trust the authorities an {@code https://} server's certificate may come from; null: the
   *     JDK's
   */
  HttpJson(URI baseUrl, Duration timeout, String token, SSLContext trust) {
    String text = baseUrl.toString();
    this.baseUrl = URI.create(text.endsWith("/") ? text : text + "/");
    this.timeout = timeout;
    this.token = token == null || token.isBlank() ? null : token;
    HttpClient.Builder builder =
        HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
    this.http = (trust == null ? builder : builder.sslContext(trust)).build();
  }

  /** How long a call may take. */
  Duration timeout() {
    return timeout;
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** An answer's JSON body with its headers. */
  record Answer(JsonNode body, HttpHeaders headers) {}

  JsonNode get(String path) {
    return send("GET", path, null).body();
  }

  /** GETs {@code path} as text (e.g. a PEM file). */
  String text(String path) {
    URI uri = resolve(path);
    String what = "GET " + uri;
    try {
      HttpResponse<byte[]> response =
          http.send(
              authorized(HttpRequest.newBuilder(uri).timeout(timeout).GET()).build(),
              BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw failure(what, response.statusCode(), response.body());
      }
      return new String(response.body(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ManagerApiException("Could not reach " + what + ": " + describe(e), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ManagerApiException(what + " was interrupted", 0, e);
    }
  }

  /** GETs {@code path} and keeps the answer's headers (e.g. a list's next link). */
  Answer getWithHeaders(String path) {
    return send("GET", path, null);
  }

  JsonNode delete(String path) {
    return send("DELETE", path, null).body();
  }

  JsonNode post(String path, Object body) {
    return send("POST", path, body).body();
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

  /**
   * Opens a {@code text/event-stream} at {@code path} and hands its lines to {@code lines}; the
   * answer completes when the server ends the stream, exceptionally with a {@link
   * ManagerApiException} when it answers with an error or cannot be reached.
   */
  CompletableFuture<Void> streamLines(String path, Flow.Subscriber<String> lines) {
    URI uri = resolve(path);
    String what = "GET " + uri;
    HttpRequest request =
        authorized(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET()).build();
    BodyHandler<byte[]> handler =
        info ->
            info.statusCode() / 100 == 2
                ? BodySubscribers.fromLineSubscriber(
                    lines, subscriber -> null, StandardCharsets.UTF_8, null)
                : BodySubscribers.ofByteArray();
    return http.sendAsync(request, handler)
        .handle(
            (response, error) -> {
              if (error != null) {
                Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                throw new ManagerApiException(
                    "Could not reach " + what + ": " + describe(cause), 0, cause);
              }
              if (response.statusCode() / 100 != 2) {
                throw failure(what, response.statusCode(), response.body());
              }
              return null;
            });
  }

  private URI resolve(String path) {
    return baseUrl.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  private static ManagerApiException failure(String what, int status, byte[] body) {
    JsonNode answer;
    try {
      answer =
          body == null || body.length == 0
              ? Json.MAPPER.createObjectNode()
              : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      answer = Json.MAPPER.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
    return new ManagerApiException(
        what + " answered " + status + ": " + Problems.describe(answer), status, null);
  }

  private Answer send(String method, String path, Object body) {
    URI uri = resolve(path);
    String what = method + " " + uri;
    try {
      HttpRequest.BodyPublisher publisher =
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body));
      HttpRequest.Builder request =
          authorized(
              HttpRequest.newBuilder(uri)
                  .timeout(timeout)
                  .header("Accept", "application/json")
                  .method(method, publisher));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<byte[]> response = http.send(request.build(), BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw failure(what, response.statusCode(), response.body());
      }
      JsonNode json =
          response.body().length == 0
              ? Json.MAPPER.createObjectNode()
              : Json.MAPPER.readTree(response.body());
      return new Answer(json, response.headers());
    } catch (IOException e) {
      throw new ManagerApiException("Could not reach " + what + ": " + describe(e), 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ManagerApiException(what + " was interrupted", 0, e);
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
