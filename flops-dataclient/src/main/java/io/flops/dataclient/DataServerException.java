package io.flops.dataclient;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/**
 * A call to a data server failed; the message names the server and what failed. An outside failure,
 * unless a subclass says otherwise.
 */
public class DataServerException extends FlopsException {

  public DataServerException(String message) {
    this(message, null);
  }

  public DataServerException(String message, Throwable cause) {
    this(ErrorKind.OUTSIDE_FAILURE, message, cause);
  }

  /** A failure of another kind, e.g. {@link NoDataException}. */
  protected DataServerException(ErrorKind kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
