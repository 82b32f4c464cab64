package io.flops.tracking.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import java.io.IOException;

/**
 * An MLflow server answered with an error, or could not be reached.
 *
 * <p>{@link #isTransient()} tells whether trying again later may succeed (the server is down,
 * overloaded or restarting), as opposed to a request the server rejects for good. Either way an
 * outside failure: an API answers it with 502.
 */
public class MlflowHttpException extends FlopsException {

  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * The server {@code server} answered {@code what} with HTTP {@code status} and {@code body}, an
   * MLflow error ({@code {"error_code": ..., "message": ...}}) or any other text.
   */
  static MlflowHttpException refused(String server, String what, int status, String body) {
    String text = body == null ? "" : body;
    String code = "";
    String message;
    try {
      JsonNode error = JSON.readTree(text);
      code = error.path("error_code").asText("");
      message = error.path("message").asText(text);
    } catch (IOException | RuntimeException notJson) {
      message = text.length() > 200 ? text.substring(0, 200) : text;
    }
    return new MlflowHttpException(
        "MLflow server " + server + " refused " + what + " with HTTP " + status + ": " + message,
        status,
        code,
        null);
  }

  /** {@code what} could not reach the server {@code server} at all. */
  static MlflowHttpException unreachable(String server, String what, Exception cause) {
    return new MlflowHttpException(
        "MLflow server " + server + " could not be reached for " + what + ": " + cause,
        0,
        "",
        cause);
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
