package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /api/flops/customers}: the new token, shown this once (the manager
 * keeps only its hash). The customer sends it as {@code Authorization: Bearer <token>}.
 *
 * @param customerId whose token it is
 * @param token the token
 */
public record CustomerTokenIssued(
    @JsonProperty("customer_id") String customerId, @JsonProperty("token") String token) {

  /** Leaves out the token. */
  @Override
  public String toString() {
    return "CustomerTokenIssued[customerId=" + customerId + "]";
  }
}
