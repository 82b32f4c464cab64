package io.flops.benchmarks.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.api.ListPaging;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The manager's project API as the benchmark's clients call it, with the admin token. */
final class ProjectsApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  ProjectsApi(String base, String token) {
    this.base = base + "/api/flops/projects";
    this.token = token;
  }

  /**
   * Creates a project.
   *
   * @return its id
   * @throws IllegalStateException unless the manager answered 201
   */
  String create(String sla) throws IOException, InterruptedException {
    HttpResponse<String> created =
        http.send(
            request(base).header("Content-Type", "application/json").POST(body(sla)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "POST answered " + created.statusCode() + ": " + created.body());
    }
    return JSON.readTree(created.body()).get("flops_project_id").asText();
  }

  /** How many projects are in {@code state}: the list's total count, read with a one-item page. */
  int count(String state) throws IOException, InterruptedException {
    HttpResponse<String> answer = send(base + "?state=" + state + "&" + ListPaging.LIMIT + "=1");
    return answer
        .headers()
        .firstValue(ListPaging.TOTAL_COUNT)
        .map(Integer::parseInt)
        .orElseThrow(
            () ->
                new IllegalStateException("The project list carries no " + ListPaging.TOTAL_COUNT));
  }

  /** One project's view. */
  JsonNode project(String id) throws IOException, InterruptedException {
    return get(base + "/" + id);
  }

  /** The states of a project's timeline, in order. */
  static List<String> states(JsonNode project) {
    List<String> states = new ArrayList<>();
    project.path("timeline").forEach(step -> states.add(step.path("to").asText()));
    return states;
  }

  private JsonNode get(String url) throws IOException, InterruptedException {
    return JSON.readTree(send(url).body());
  }

  /**
   * GETs {@code url}, once more when the connection was closed under the request (the server closes
   * a kept-alive connection that idled while the benchmark waited).
   */
  private HttpResponse<String> send(String url) throws IOException, InterruptedException {
    HttpResponse<String> answer;
    try {
      answer = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException closed) {
      answer = http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + answer.statusCode());
    }
    return answer;
  }

  private HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text);
  }
}
