package io.flops.inference.scoring;

import io.flops.common.error.web.ProblemAdvice;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The inference server's RFC 7807 problems, through the FLOps table ({@link ProblemAdvice}). Each
 * also carries MLflow's {@code error_code} ({@code BAD_REQUEST} for the caller's errors, {@code
 * INTERNAL_ERROR} for the server's) and {@code message}, which MLflow's clients read.
 */
@RestControllerAdvice
class ScoringErrors extends ProblemAdvice {

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            status,
            "Content-Type "
                + (e.getContentType() == null ? "(none)" : e.getContentType())
                + " is not supported; send application/json or "
                + ScoringController.TEXT_CSV
                + ".");
    return handleExceptionInternal(e, body, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      problem.setProperty(
          "error_code", status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR");
      problem.setProperty("message", problem.getDetail());
    }
    return super.createResponseEntity(body, headers, status, request);
  }
}
