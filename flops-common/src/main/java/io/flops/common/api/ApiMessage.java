package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of the original's plain endpoints: {@code GET /} ({@code ok}) and {@code DELETE
 * /api/flops/database}.
 *
 * @param message a sentence for people; {@code ok} for the liveness call
 */
public record ApiMessage(@JsonProperty("message") String message) {

  /** The liveness answer. */
  public static final ApiMessage OK = new ApiMessage("ok");
}
