package io.flops.dataserver.mock;

import io.flops.common.error.FlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads package tarballs from an npm registry (or a mirror with the same URL layout) over HTTP,
 * without the npm CLI, and checks each against its pinned SHA-512.
 */
public final class NpmRegistry {

  /** The public npm registry. */
  public static final URI DEFAULT = URI.create("https://registry.npmjs.org");

  private static final String SETTING = "flops.mock.npm-registry (FLOPS_MOCK_NPM_REGISTRY)";
  private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  private final String base;
  private final Duration timeout;
  private final Duration connectTimeout;
  private final HttpClient http;

  /**
   * @param registry the registry's base URL, e.g. {@code https://registry.npmjs.org}
   * @param timeout how long one download may take, from connecting to the last byte
   */
  public NpmRegistry(URI registry, Duration timeout) {
    this.base = registry.toString().replaceAll("/+$", "");
    this.timeout = timeout;
    this.connectTimeout =
        timeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? timeout : MAX_CONNECT_TIMEOUT;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** Where the tarball of {@code npmPackage} is fetched from. */
  public URI tarballUri(NpmPackage npmPackage) {
    return URI.create(base + "/" + npmPackage.tarballPath());
  }

  /**
   * Writes the tarball of {@code npmPackage} to {@code file} and checks its SHA-512.
   *
   * @throws FlopsException an outside failure naming the package and the URL when the registry
   *     cannot be reached, answers anything but 200, is too slow, or serves other bytes
   */
  public void download(NpmPackage npmPackage, Path file) {
    URI uri = tarballUri(npmPackage);
    HttpResponse<Path> response = send(npmPackage, uri, file);
    if (response.statusCode() != 200) {
      throw unreachable(
          npmPackage, uri, "the registry answered HTTP " + response.statusCode(), null);
    }
    byte[] actual = sha512(npmPackage, uri, file);
    if (!MessageDigest.isEqual(actual, npmPackage.sha512())) {
      throw FlopsException.outsideFailure(
          "The npm package "
              + npmPackage.coordinates()
              + " served by "
              + uri
              + " does not match its pinned integrity "
              + npmPackage.integrity()
              + " (got sha512-"
              + Base64.getEncoder().encodeToString(actual)
              + "); refusing it. Point "
              + SETTING
              + " at a registry or mirror that serves the published package.",
          null);
    }
  }

  private HttpResponse<Path> send(NpmPackage npmPackage, URI uri, Path file) {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    BodyHandler<Path> toFileWhenOk =
        info ->
            info.statusCode() == 200
                ? BodySubscribers.ofFile(file)
                : BodySubscribers.replacing(file);
    CompletableFuture<HttpResponse<Path>> answer = http.sendAsync(request, toFileWhenOk);
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw unreachable(npmPackage, uri, "no complete answer within " + readable(timeout), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw unreachable(npmPackage, uri, reason(cause), cause);
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw unreachable(npmPackage, uri, "interrupted", e);
    }
  }

  private static byte[] sha512(NpmPackage npmPackage, URI uri, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-512");
      byte[] buffer = new byte[1 << 16];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return digest.digest();
    } catch (IOException | NoSuchAlgorithmException e) {
      throw unreachable(
          npmPackage, uri, "cannot read the downloaded tarball: " + e.getMessage(), e);
    }
  }

  private String reason(Throwable failure) {
    if (failure instanceof HttpConnectTimeoutException) {
      return "could not connect within " + readable(connectTimeout);
    }
    if (failure instanceof HttpTimeoutException) {
      return "no complete answer within " + readable(timeout);
    }
    String name = failure.getClass().getSimpleName();
    return failure.getMessage() == null ? name : name + ": " + failure.getMessage();
  }

  /** {@code 5m}, {@code 0.3s}: how the settings spell durations. */
  private static String readable(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static FlopsException unreachable(
      NpmPackage npmPackage, URI uri, String reason, Throwable cause) {
    return FlopsException.outsideFailure(
        "Could not fetch the npm package "
            + npmPackage.coordinates()
            + " from "
            + uri
            + ": "
            + reason
            + ". Check that this URL is reachable from here and serves the package, or set "
            + SETTING
            + " to an npm registry or mirror that does.",
        cause);
  }
}
