package io.flops.dataclient;

/** A call to a data server failed; the message names the server and what failed. */
public class DataServerException extends RuntimeException {

  public DataServerException(String message) {
    super(message);
  }

  public DataServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
