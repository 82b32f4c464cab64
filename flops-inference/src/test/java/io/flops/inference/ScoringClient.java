package io.flops.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** A plain HTTP client of the scoring protocol, as a user's program would call it. */
public final class ScoringClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;
  private final String token;

  public ScoringClient(int port) {
    this("http://127.0.0.1:" + port, null, "");
  }

  /**
   * A client of the server at {@code base} (e.g. {@code https://localhost:8443}) that trusts what
   * {@code tls} trusts (null: the JDK's authorities) and sends {@code token} (empty: none).
   */
  public ScoringClient(String base, javax.net.ssl.SSLContext tls, String token) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    this.http = (tls == null ? builder : builder.sslContext(tls)).build();
    this.base = base;
    this.token = token;
  }

  /** An answer: its status and its body (JSON when it is JSON, else a text node). */
  public record Answer(int status, JsonNode body) {

    /** The predictions as class labels. */
    public int[] labels() {
      int[] labels = new int[body.path("predictions").size()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = Integer.parseInt(body.path("predictions").get(i).asText());
      }
      return labels;
    }

    /** The problem detail's message. */
    public String detail() {
      return body.path("detail").asText();
    }
  }

  /** True when {@code /ping} answers 200; false while nothing listens yet. */
  public boolean isUp() {
    try {
      HttpRequest ping =
          HttpRequest.newBuilder(URI.create(base + "/ping")).timeout(Duration.ofSeconds(2)).build();
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Answer post(String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/invocations"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request);
  }

  public Answer postJson(Object body) {
    try {
      return post("application/json", JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rows as CSV lines, with an optional header line. */
  public static String csv(float[][] rows, boolean header) {
    String lines =
        List.of(rows).stream()
            .map(
                row -> {
                  StringBuilder line = new StringBuilder();
                  for (int i = 0; i < row.length; i++) {
                    line.append(i == 0 ? "" : ",").append(row[i]);
                  }
                  return line.toString();
                })
            .collect(Collectors.joining("\n", "", "\n"));
    if (!header) {
      return lines;
    }
    int width = rows[0].length;
    String names =
        java.util.stream.IntStream.range(0, width)
            .mapToObj(i -> "pixel" + i)
            .collect(Collectors.joining(","));
    return names + "\n" + lines;
  }

  private Answer send(HttpRequest.Builder request) {
    if (!token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      String text = response.body();
      boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
      return new Answer(
          response.statusCode(), json ? JSON.readTree(text) : JSON.getNodeFactory().textNode(text));
    } catch (IOException e) {
      throw new IllegalStateException("Could not call " + base + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
