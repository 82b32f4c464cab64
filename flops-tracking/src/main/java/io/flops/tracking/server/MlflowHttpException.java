package io.flops.tracking.server;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/**
 * An MLflow server answered with an error, or could not be reached.
 *
 * <p>{@link #isTransient()} tells whether trying again later may succeed (the server is down,
 * overloaded or restarting), as opposed to a request the server rejects for good. Either way an
 * outside failure: an API answers it with 502.
 */
public class MlflowHttpException extends FlopsException {

  private final int status;
  private final String errorCode;

  /**
   * @param status the HTTP status, or 0 when no answer came
   * @param errorCode MLflow's {@code error_code}, or an empty string
   */
  public MlflowHttpException(String message, int status, String errorCode, Throwable cause) {
    super(ErrorKind.OUTSIDE_FAILURE, message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }

  /** MLflow's {@code error_code} (e.g. {@code RESOURCE_ALREADY_EXISTS}), or an empty string. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether the failure is an outage that a later attempt may overcome. */
  public boolean isTransient() {
    return isTransientStatus(status);
  }

  static boolean isTransientStatus(int status) {
    return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
  }
}
