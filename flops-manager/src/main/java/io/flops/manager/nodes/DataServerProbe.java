package io.flops.manager.nodes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.api.DataTagView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Asks a data server what it holds: {@code GET http://<host:port>/api/tags}. */
public class DataServerProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static final TypeReference<List<DataTagView>> TAGS = new TypeReference<>() {};

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json = new ObjectMapper();

  /** The tags of the data server at {@code httpAddress}, or empty when it does not answer. */
  public Optional<List<DataTagView>> tags(String httpAddress) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://" + httpAddress + "/api/tags"))
              .timeout(TIMEOUT)
              .build();
      HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return answer.statusCode() == 200
          ? Optional.of(json.readValue(answer.body(), TAGS))
          : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
