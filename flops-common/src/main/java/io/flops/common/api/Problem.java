package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.error.FieldError;
import java.net.URI;
import java.util.List;

/**
 * The body of every error answer, an RFC 7807 {@code application/problem+json} (docs/api.md,
 * "Errors").
 *
 * @param type what kind of problem, e.g. {@code urn:flops:problem:invalid-input}
 * @param title the HTTP status's reason phrase
 * @param status the HTTP status
 * @param detail one sentence: what failed, for which project, and what to do
 * @param instance the request path, when known
 * @param errors one entry per invalid field of the request (input errors only)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    @JsonProperty("type") URI type,
    @JsonProperty("title") String title,
    @JsonProperty("status") int status,
    @JsonProperty("detail") String detail,
    @JsonProperty("instance") URI instance,
    @JsonProperty("errors") List<FieldError> errors) {

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }
}
