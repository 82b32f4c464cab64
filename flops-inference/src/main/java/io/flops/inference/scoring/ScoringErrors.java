package io.flops.inference.scoring;

import io.flops.common.error.FlopsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps scoring failures to RFC 7807 problem details. Each also carries MLflow's {@code error_code}
 * and {@code message}, which MLflow's clients read.
 */
@RestControllerAdvice
class ScoringErrors {

  @ExceptionHandler(FlopsException.class)
  ProblemDetail flopsFailure(FlopsException e) {
    HttpStatus status =
        switch (e.kind()) {
          case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
          case FORBIDDEN -> HttpStatus.FORBIDDEN;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case OUTSIDE_FAILURE -> HttpStatus.BAD_GATEWAY;
        };
    return problem(status, status.name(), e.getMessage());
  }

  @ExceptionHandler(BatchTooLargeException.class)
  ProblemDetail batchTooLarge(BatchTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "BAD_REQUEST", e.getMessage());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "BAD_REQUEST",
        "Content-Type "
            + (e.getContentType() == null ? "(none)" : e.getContentType())
            + " is not supported; send application/json or "
            + ScoringController.TEXT_CSV
            + ".");
  }

  private static ProblemDetail problem(HttpStatusCode status, String errorCode, String message) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
    problem.setProperty("error_code", errorCode);
    problem.setProperty("message", message);
    return problem;
  }
}
