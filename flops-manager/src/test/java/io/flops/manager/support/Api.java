package io.flops.manager.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A small HTTP client of the manager's API for tests. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String token;
  private final HttpClient http = HttpClient.newHttpClient();

  /** A client with the admin token of {@link ManagerITBase#ADMIN_TOKEN}. */
  public Api(int port) {
    this("http://127.0.0.1:" + port, ManagerITBase.ADMIN_TOKEN);
  }

  private Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same manager with {@code token} (null: no token at all). */
  public Api withToken(String token) {
    return new Api(base, token);
  }

  /** A response with its parsed JSON body (null when not JSON) and its headers. */
  public record Reply(
      int status,
      String contentType,
      String location,
      JsonNode body,
      String raw,
      HttpHeaders headers) {

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** Sends with this client's token. */
  public Reply send(String method, String path, String contentType, byte[] body) {
    return send(method, path, contentType, body, token == null ? null : "Bearer " + token);
  }

  /** Sends with an {@code Authorization} header (when not null) instead of the token. */
  public Reply send(
      String method, String path, String contentType, byte[] body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base).resolve(path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json =
          type.contains("json") && !response.body().isEmpty()
              ? JSON.readTree(response.body())
              : null;
      return new Reply(
          response.statusCode(),
          type,
          response.headers().firstValue("Location").orElse(null),
          json,
          response.body(),
          response.headers());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    }
  }

  public Reply postJson(String path, String json) {
    return send(
        "POST", path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** GETs {@code path}, or a URL such as a next link the manager wrote. */
  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Creates a project and returns its id. */
  public String createProject(String sla) {
    Reply reply = postJson("/api/flops/projects", sla);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().get("flops_project_id").asText();
  }

  /** Polls the project until {@code condition} holds (20 s at most) and returns it. */
  public JsonNode awaitProject(String id, Predicate<JsonNode> condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    JsonNode project = null;
    while (System.nanoTime() < deadline) {
      project = get("/api/flops/projects/" + id).body();
      if (project != null && condition.test(project)) {
        return project;
      }
      sleep(100);
    }
    throw new AssertionError("Project " + id + " never reached " + what + "; last: " + project);
  }

  /** Polls the project until it is in {@code state}. */
  public JsonNode awaitState(String id, String state) {
    return awaitProject(id, p -> state.equals(p.path("state").asText()), state);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
