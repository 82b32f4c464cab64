package io.flops.manager.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import io.flops.common.sla.SlaJson;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every error to an RFC 7807 problem: the FLOps taxonomy through one table, Spring MVC's own
 * errors (404, 405, 415, ...) through {@link ResponseEntityExceptionHandler}, unreadable bodies to
 * a 400 that says where, and oversized bodies to 413. Bad input never yields a 5xx.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private static final Map<ErrorKind, HttpStatus> STATUS =
      Map.of(
          ErrorKind.INVALID_INPUT, HttpStatus.BAD_REQUEST,
          ErrorKind.FORBIDDEN, HttpStatus.FORBIDDEN,
          ErrorKind.NOT_FOUND, HttpStatus.NOT_FOUND,
          ErrorKind.CONFLICT, HttpStatus.CONFLICT,
          ErrorKind.OUTSIDE_FAILURE, HttpStatus.BAD_GATEWAY);

  @ExceptionHandler(FlopsException.class)
  ResponseEntity<ProblemDetail> flops(FlopsException e) {
    return problem(e);
  }

  @ExceptionHandler(BodyLimitFilter.BodyTooLargeException.class)
  ResponseEntity<ProblemDetail> tooLarge(BodyLimitFilter.BodyTooLargeException e) {
    return tooLargeProblem(e);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("Unexpected error", e);
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected error in the manager: " + e.getMessage());
    body.setTitle("Internal error");
    return ResponseEntity.internalServerError().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
        return widen(tooLargeProblem(tooLarge));
      }
      if (cause instanceof FlopsException flops) {
        return widen(problem(flops));
      }
      if (cause instanceof JsonProcessingException json) {
        return widen(problem(SlaJson.describe(json)));
      }
    }
    String detail =
        e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
            ? "The request needs a JSON body."
            : "The request body could not be read.";
    return widen(
        problem(
            FlopsException.invalidInput(detail, List.of(new FieldError("", "missing or empty")))));
  }

  private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
    return ResponseEntity.status(response.getStatusCode()).body(response.getBody());
  }

  static ResponseEntity<ProblemDetail> problem(FlopsException e) {
    HttpStatus status = STATUS.get(e.kind());
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    body.setType(
        URI.create("urn:flops:problem:" + e.kind().name().toLowerCase().replace('_', '-')));
    body.setTitle(status.getReasonPhrase());
    if (!e.fieldErrors().isEmpty()) {
      body.setProperty("errors", e.fieldErrors());
    }
    if (status.is5xxServerError()) {
      log.warn("{}", e.getMessage());
    }
    return ResponseEntity.status(status).body(body);
  }

  static ResponseEntity<ProblemDetail> tooLargeProblem(BodyLimitFilter.BodyTooLargeException e) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    body.setType(URI.create("urn:flops:problem:payload-too-large"));
    body.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(body);
  }
}
