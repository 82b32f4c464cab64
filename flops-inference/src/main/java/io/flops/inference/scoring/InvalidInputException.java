package io.flops.inference.scoring;

/** A request whose body cannot be scored (answered 400); the message says what to send instead. */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
