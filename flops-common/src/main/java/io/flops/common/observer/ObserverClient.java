package io.flops.common.observer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The client of a project observer's API, for the manager and command-line tools: {@code GET
 * /api/events?since=} as an {@link EventPage} and {@code GET /api/events/stream} as a callback per
 * event.
 */
public final class ObserverClient {

  private final URI baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final String readToken;

  /**
   * @param baseUrl the observer's root, e.g. {@code http://10.0.0.5:2727}
   * @param timeout for connecting and for a JSON answer (not for the stream, which stays open)
   * @param readToken the observer's read token ({@code FLOPS_OBSERVER_READ_TOKEN}); empty: none
   */
  public ObserverClient(URI baseUrl, Duration timeout, String readToken) {
    this.baseUrl = baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    this.readToken = readToken == null ? "" : readToken;
  }

  /** The events after position {@code since} (0: all). */
  public EventPage events(long since) {
    HttpRequest request =
        authorized(HttpRequest.newBuilder(resolve("api/events?since=" + since)))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
      requireOk(response.statusCode(), request.uri());
      return JsonLinesEventStore.JSON.readValue(response.body(), EventPage.class);
    } catch (IOException e) {
      throw unreachable(request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(request.uri(), e);
    }
  }

  /**
   * Follows the observer's event stream from position {@code since}: every event after it, then
   * each new one, handed to {@code consumer} on the HTTP client's thread. The stream ends when the
   * observer closes it or the returned handle is closed.
   */
  public EventStream stream(long since, Consumer<SequencedEvent> consumer) {
    HttpRequest request =
        authorized(HttpRequest.newBuilder(resolve("api/events/stream?since=" + since)))
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    ServerSentEventReader reader = new ServerSentEventReader(consumer);
    return new EventStream(
        http.sendAsync(request, BodyHandlers.fromLineSubscriber(reader))
            .thenAccept(response -> requireOk(response.statusCode(), request.uri())),
        reader);
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder request) {
    return readToken.isEmpty() ? request : request.header("Authorization", "Bearer " + readToken);
  }

  private URI resolve(String pathAndQuery) {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + pathAndQuery);
  }

  private static void requireOk(int status, URI uri) {
    if (status != 200) {
      throw new ObserverClientException(
          "The project observer answered HTTP " + status + " to " + uri, null);
    }
  }

  private static ObserverClientException unreachable(URI uri, Exception cause) {
    return new ObserverClientException(
        "The project observer at " + uri + " did not answer: " + cause.getMessage(), cause);
  }
}
