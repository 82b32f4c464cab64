package io.flops.common.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A container health check that needs no shell or curl in the image: exits 0 when the URL answers
 * 2xx within 3 seconds, 1 otherwise. Used as {@code java -cp @/app/jib-classpath-file
 * io.flops.common.health.HealthProbe http://127.0.0.1:5072/actuator/health}.
 */
public final class HealthProbe {

  private HealthProbe() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: HealthProbe <url>");
      System.exit(2);
    }
    System.exit(isHealthy(URI.create(args[0])) ? 0 : 1);
  }

  /** True when {@code url} answers with a 2xx status within 3 seconds. */
  public static boolean isHealthy(URI url) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build();
    try {
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status >= 200 && status < 300;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
