package io.flops.common.error.web;

import io.flops.common.error.ClassifiedError;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.Failure;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error handler of the FLOps web apps: every exception becomes an RFC 7807 problem through
 * {@link Failure#of(Throwable)} (so an outside system's failure is a 502, never a 500), Spring
 * MVC's own errors (404, 405, 415, ...) through {@link ResponseEntityExceptionHandler}, and an
 * unreadable body a 400 that says why. An app imports it, or extends it to describe its bodies'
 * errors ({@link #unreadable}) or to add properties to every problem ({@link
 * #createResponseEntity}).
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

  /** Answers {@code failure} with its problem. */
  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> failure(Exception failure, WebRequest request) {
    return problem(failure, request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(unreadable(e), request);
  }

  /**
   * What to report for a body that could not be read: a classified cause (e.g. a body above the
   * size limit) as it is, else invalid input saying whether the body was missing or unreadable.
   */
  protected Throwable unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ClassifiedError) {
        return cause;
      }
    }
    String detail =
        e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")
            ? "The request needs a JSON body."
            : "The request body could not be read.";
    return FlopsException.invalidInput(detail, List.of(new FieldError("", "missing or empty")));
  }

  /** The response to {@code failure}, logged when it is the server's or an outside system's. */
  protected ResponseEntity<Object> problem(Throwable failure, WebRequest request) {
    Failure problem = Failure.of(failure);
    if (problem.kind() == ErrorKind.INTERNAL) {
      log.error("Unexpected error", failure);
    } else if (problem.kind() == ErrorKind.OUTSIDE_FAILURE) {
      log.warn("{}", problem.detail());
    }
    ProblemDetail body = ProblemDetails.of(problem);
    return createResponseEntity(
        body, new HttpHeaders(), HttpStatusCode.valueOf(body.getStatus()), request);
  }
}
