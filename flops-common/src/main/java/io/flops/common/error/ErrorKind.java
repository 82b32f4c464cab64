package io.flops.common.error;

import java.net.URI;
import java.util.Locale;

/**
 * The error taxonomy of FLOps and its one table to HTTP: each kind has the status, title and
 * problem type every FLOps API answers it with (RFC 7807, see {@link Failure}).
 */
public enum ErrorKind {
  /** The request is wrong: a bad SLA field, malformed JSON, a bad parameter. */
  INVALID_INPUT(400, "Bad Request"),
  /** The request carries no credential, or one this server does not know. */
  UNAUTHORIZED(401, "Unauthorized"),
  /** The caller may not do this. */
  FORBIDDEN(403, "Forbidden"),
  /** Nothing with that id exists. */
  NOT_FOUND(404, "Not Found"),
  /** The request conflicts with the current state, e.g. a transition that is not allowed. */
  CONFLICT(409, "Conflict"),
  /** The request is larger than the server accepts. */
  TOO_LARGE(413, "Payload Too Large"),
  /** The caller reached a quota (e.g. running projects per customer); try again later. */
  TOO_MANY(429, "Too Many Requests"),
  /** A failure of this process that it cannot explain to the caller (a bug). */
  INTERNAL(500, "Internal Server Error"),
  /**
   * An outside system (orchestrator, image registry, MLflow, Git remote, data server, observer)
   * failed or could not be reached.
   */
  OUTSIDE_FAILURE(502, "Bad Gateway");

  private final int status;
  private final String title;

  ErrorKind(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /** The HTTP status of a response with this kind of error. */
  public int status() {
    return status;
  }

  /** The problem's title: the status's reason phrase. */
  public String title() {
    return title;
  }

  /** The problem type, {@code urn:flops:problem:<kind>}, e.g. {@code ...:outside-failure}. */
  public URI type() {
    return URI.create("urn:flops:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }
}
