package io.flops.aggregator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the aggregator tracks ({@code FLOPS_TRACKING_*}, see docs/services.md).
 *
 * @param uri {@code http(s)://...} for an MLflow server, {@code file:/...} for a file store; empty:
 *     no tracking
 * @param token bearer token for the server (optional, never logged)
 * @param username basic-auth user for the server (optional)
 * @param password basic-auth password for the server (optional, never logged)
 */
@Validated
@ConfigurationProperties(prefix = "flops.tracking")
public record TrackingProperties(
    @DefaultValue("") String uri,
    @DefaultValue("") String token,
    @DefaultValue("") String username,
    @DefaultValue("") String password) {

  @Override
  public String toString() {
    return "TrackingProperties[uri=" + uri + "]";
  }
}
