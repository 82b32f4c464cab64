package io.flops.common.error.web;

import io.flops.common.error.Failure;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Renders a {@link Failure} as Spring's RFC 7807 {@link ProblemDetail}. */
public final class ProblemDetails {

  private ProblemDetails() {}

  /** The problem detail of {@code failure}, through {@link Failure#of(Throwable)}. */
  public static ProblemDetail of(Throwable failure) {
    return of(Failure.of(failure));
  }

  /**
   * {@code problem} with its kind's status, title and type, its detail and, for invalid input, an
   * {@code errors} list of {@code {pointer, message}}.
   */
  public static ProblemDetail of(Failure problem) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatusCode.valueOf(problem.kind().status()), problem.detail());
    body.setType(problem.kind().type());
    body.setTitle(problem.kind().title());
    if (!problem.errors().isEmpty()) {
      body.setProperty("errors", problem.errors());
    }
    return body;
  }
}
