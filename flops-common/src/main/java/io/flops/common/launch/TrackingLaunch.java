package io.flops.common.launch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a service tracks its runs (the aggregator, the trained-model builder): {@code
 * FLOPS_TRACKING_URI} is {@code http(s)://...} for an MLflow server, {@code file:/...} or a path
 * for a file store, and empty for no tracking; the credentials are optional and used only with a
 * server.
 *
 * @param uri the tracking URI, or empty for no tracking
 * @param token a bearer token for the server, or empty (never logged)
 * @param username a basic-auth user for the server, or empty
 * @param password the basic-auth password, or empty (never logged)
 */
public record TrackingLaunch(String uri, String token, String username, String password) {

  /** No tracking. */
  public static final TrackingLaunch NONE = new TrackingLaunch("", "", "", "");

  /** The tracking variables. */
  public enum Variable implements LaunchVariable {
    URI("FLOPS_TRACKING_URI"),
    TOKEN("FLOPS_TRACKING_TOKEN"),
    USERNAME("FLOPS_TRACKING_USERNAME"),
    PASSWORD("FLOPS_TRACKING_PASSWORD");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public TrackingLaunch {
    uri = uri == null ? "" : uri.trim();
    token = token == null ? "" : token;
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  /** The variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads {@code FLOPS_TRACKING_URI}, {@code _TOKEN}, {@code _USERNAME}, {@code _PASSWORD}. */
  public static TrackingLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new TrackingLaunch(
        read.text(Variable.URI, ""),
        read.text(Variable.TOKEN, ""),
        read.text(Variable.USERNAME, ""),
        read.text(Variable.PASSWORD, ""));
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.URI, uri)
        .put(Variable.TOKEN, token)
        .put(Variable.USERNAME, username)
        .put(Variable.PASSWORD, password)
        .toMap();
  }

  /** The same credentials with {@code trackingUri}. */
  public TrackingLaunch withUri(String trackingUri) {
    return new TrackingLaunch(trackingUri, token, username, password);
  }

  /** Whether tracking is switched on. */
  public boolean enabled() {
    return !uri.isEmpty();
  }

  /** Whether the URI names an MLflow tracking server (as opposed to a file store). */
  public boolean isServer() {
    String lower = uri.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** Leaves out the secrets. */
  @Override
  public String toString() {
    return "TrackingLaunch[uri="
        + uri
        + ", credentials="
        + (token.isEmpty() && username.isEmpty() ? "none" : "set")
        + "]";
  }
}
