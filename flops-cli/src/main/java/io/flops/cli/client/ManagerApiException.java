package io.flops.cli.client;

/** A call to the manager (or an inference server) that failed; the message is one sentence. */
public class ManagerApiException extends RuntimeException {

  private final int status;

  /**
   * @param message what failed, naming the request
   * @param status the HTTP status, or 0 when no answer came
   * @param cause the underlying error, or null
   */
  public ManagerApiException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status of the answer, or 0 when the server could not be reached. */
  public int status() {
    return status;
  }
}
