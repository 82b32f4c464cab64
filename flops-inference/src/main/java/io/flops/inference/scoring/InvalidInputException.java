package io.flops.inference.scoring;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/** A request whose body cannot be scored (answered 400); the message says what to send instead. */
public class InvalidInputException extends FlopsException {

  public InvalidInputException(String message) {
    this(message, null);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(ErrorKind.INVALID_INPUT, message, cause);
  }
}
