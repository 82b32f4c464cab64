package io.flops.common.image.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A small Docker Registry HTTP API v2 client (CNCF Distribution and compatible registries): reads
 * manifests, manifest lists and blobs, uploads blobs and manifests. Anonymous access; plain HTTP
 * for registries on private addresses.
 */
public final class RegistryClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http;

  /**
   * @param registry {@code host:port} of the registry
   * @param plainHttp true to talk plain HTTP (a registry on a private address), false for HTTPS
   * @param timeout connect and request timeout
   */
  public RegistryClient(String registry, boolean plainHttp, Duration timeout) {
    this.base = URI.create((plainHttp ? "http://" : "https://") + registry + "/v2/");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The manifest (or manifest list) of {@code repository} at a tag or digest, if it exists. */
  public Optional<Manifest> manifest(String repository, String reference) {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(uri(repository + "/manifests/" + reference))
                .header("Accept", Manifest.ACCEPT)
                .GET(),
            "read manifest " + repository + ":" + reference);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    expect(response, 200, "read manifest " + repository + ":" + reference);
    byte[] body = response.body();
    String digest =
        response.headers().firstValue("Docker-Content-Digest").orElseGet(() -> digest(body));
    String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    try {
      return Optional.of(new Manifest(type, digest, body, JSON.readTree(body)));
    } catch (IOException e) {
      throw new RegistryException(
          "The manifest of " + repository + ":" + reference + " is not JSON.", e);
    }
  }

  /** True when the blob {@code digest} exists in {@code repository}. */
  public boolean blobExists(String repository, String digest) {
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(uri(repository + "/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            "check blob " + digest);
    return response.statusCode() == 200;
  }

  /** The bytes of a blob (for configs; layers can be large). */
  public byte[] blob(String repository, String digest) {
    HttpResponse<byte[]> response =
        send(HttpRequest.newBuilder(uri(repository + "/blobs/" + digest)).GET(), "read " + digest);
    expect(response, 200, "read blob " + digest + " of " + repository);
    return response.body();
  }

  /** Streams a blob (for layers); the caller closes the stream. */
  public java.io.InputStream openBlob(String repository, String digest) {
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(
              HttpRequest.newBuilder(uri(repository + "/blobs/" + digest)).GET().build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new RegistryException(
            "The registry refused to read blob "
                + digest
                + " of "
                + repository
                + ": HTTP "
                + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new RegistryException("Cannot read blob " + digest + " at " + base + ".", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Interrupted while reading blob " + digest + ".", e);
    }
  }

  /** Uploads {@code file} as blob {@code digest} (monolithic upload) unless it already exists. */
  public boolean pushBlob(String repository, String digest, Path file) {
    if (blobExists(repository, digest)) {
      return false;
    }
    String what = "upload blob " + digest + " to " + repository;
    HttpResponse<byte[]> started =
        send(
            HttpRequest.newBuilder(uri(repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            what);
    expect(started, 202, what);
    String location =
        started
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new RegistryException("The registry gave no upload location."));
    URI upload = base.resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    try {
      HttpResponse<byte[]> done =
          send(
              HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest))
                  .header("Content-Type", "application/octet-stream")
                  .PUT(HttpRequest.BodyPublishers.ofFile(file)),
              what);
      expect(done, 201, what);
    } catch (IOException e) {
      throw new RegistryException("Cannot read " + file + " to " + what + ".", e);
    }
    return true;
  }

  /** Uploads a manifest or manifest list under {@code reference}; returns its digest. */
  public String putManifest(String repository, String reference, String mediaType, byte[] body) {
    String what = "push manifest " + repository + ":" + reference;
    HttpResponse<byte[]> response =
        send(
            HttpRequest.newBuilder(uri(repository + "/manifests/" + reference))
                .header("Content-Type", mediaType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)),
            what);
    expect(response, 201, what);
    return response.headers().firstValue("Docker-Content-Digest").orElseGet(() -> digest(body));
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  public static String digest(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return base.resolve(path);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new RegistryException(
          "Cannot " + what + " at " + base + ": " + e.getClass().getSimpleName() + ".", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Interrupted while trying to " + what + ".", e);
    }
  }

  private static void expect(HttpResponse<byte[]> response, int status, String what) {
    if (response.statusCode() != status) {
      String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      throw new RegistryException(
          "The registry refused to "
              + what
              + ": HTTP "
              + response.statusCode()
              + " "
              + body.substring(0, Math.min(300, body.length())).strip());
    }
  }
}
