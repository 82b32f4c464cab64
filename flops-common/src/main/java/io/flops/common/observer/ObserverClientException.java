package io.flops.common.observer;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/** A project observer could not be reached or answered something unexpected; an outside failure. */
public class ObserverClientException extends FlopsException {

  public ObserverClientException(String message, Throwable cause) {
    super(ErrorKind.OUTSIDE_FAILURE, message, cause);
  }
}
