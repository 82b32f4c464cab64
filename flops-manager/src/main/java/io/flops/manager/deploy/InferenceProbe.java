package io.flops.manager.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks an inference server whether it serves: {@code GET <url>/ping} answers 200. */
public class InferenceProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** True when the server at {@code url} answers its ping now. */
  public boolean answers(String url) {
    try {
      HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(TIMEOUT).build();
      return http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
