package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A data server certificate as {@code POST /api/flops/nodes/data-server-certificate} issues it
 * (admin only, docs/security.md "Data servers"): for a data server an operator starts on a real
 * node, so that learners and mock-data providers reach it over TLS.
 *
 * @param environment the variables to start the data server with ({@code
 *     FLOPS_DATASERVER_TLS_CERTIFICATE}, {@code FLOPS_DATASERVER_TLS_PRIVATE_KEY}: PEM text
 *     Base64-encoded on one line; the key is a secret)
 * @param serverName the name the certificate carries and clients check
 * @param validUntil when the certificate expires (ISO-8601)
 */
public record DataServerCertificateView(
    @JsonProperty("environment") Map<String, String> environment,
    @JsonProperty("server_name") String serverName,
    @JsonProperty("valid_until") String validUntil) {

  public DataServerCertificateView {
    environment = Map.copyOf(environment);
  }

  /** Leaves out the key. */
  @Override
  public String toString() {
    return "DataServerCertificateView[" + serverName + ", validUntil=" + validUntil + "]";
  }
}
