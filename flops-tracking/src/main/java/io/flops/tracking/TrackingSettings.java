package io.flops.tracking;

import java.util.Map;

/**
 * Where to track, as the runtime contract gives it (docs/services.md): {@code FLOPS_TRACKING_URI}
 * is {@code http(s)://...} for an MLflow server, {@code file:/...} or a path for a file store, and
 * empty for no tracking; the credentials are optional and used only with a server.
 *
 * @param uri the tracking URI, or empty for no tracking
 * @param token a bearer token for the server, or empty
 * @param username a basic-auth user for the server, or empty
 * @param password the basic-auth password, or empty
 */
public record TrackingSettings(String uri, String token, String username, String password) {

  public TrackingSettings {
    uri = uri == null ? "" : uri.trim();
    token = token == null ? "" : token;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  /** Reads {@code FLOPS_TRACKING_URI}, {@code _TOKEN}, {@code _USERNAME}, {@code _PASSWORD}. */
  public static TrackingSettings fromEnvironment(Map<String, String> environment) {
    return new TrackingSettings(
        environment.get("FLOPS_TRACKING_URI"),
        environment.get("FLOPS_TRACKING_TOKEN"),
        environment.get("FLOPS_TRACKING_USERNAME"),
        environment.get("FLOPS_TRACKING_PASSWORD"));
  }

  /** Whether tracking is switched on. */
  public boolean enabled() {
    return !uri.isEmpty();
  }

  /** Whether the URI names an MLflow tracking server (as opposed to a file store). */
  public boolean isServer() {
    String lower = uri.toLowerCase();
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** The toString leaves out the secrets. */
  @Override
  public String toString() {
    return "TrackingSettings[uri="
        + uri
        + ", credentials="
        + (token.isEmpty() && username.isEmpty() ? "none" : "set")
        + "]";
  }
}
