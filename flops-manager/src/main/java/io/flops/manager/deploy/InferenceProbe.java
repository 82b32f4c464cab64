package io.flops.manager.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Asks an inference server whether it serves: {@code GET <url>/ping} answers 200 (health needs no
 * token). Over HTTPS it trusts the servers' authority ({@link WebServers#clientTrust()}).
 */
public class InferenceProbe {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http;

  /** A probe of plain-HTTP servers, or of HTTPS ones with the JDK's authorities. */
  public InferenceProbe() {
    this(Optional.empty());
  }

  /** A probe that trusts {@code trust} over HTTPS when given. */
  public InferenceProbe(Optional<SSLContext> trust) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
    trust.ifPresent(builder::sslContext);
    this.http = builder.build();
  }

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
