package io.flops.common.error;

import java.util.List;

/**
 * A failure with a {@link ErrorKind} and one readable sentence naming what failed (and, for the
 * project, which one and what to do). Invalid input carries one {@link FieldError} per bad field.
 * The failures of outside systems extend it with {@link ErrorKind#OUTSIDE_FAILURE}, so every API
 * answers them the same way ({@link Failure}).
 */
public class FlopsException extends RuntimeException implements ClassifiedError {

  private final ErrorKind kind;
  private final List<FieldError> fieldErrors;

  public FlopsException(
      ErrorKind kind, String message, List<FieldError> fieldErrors, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** A failure of {@code kind} without field errors. */
  protected FlopsException(ErrorKind kind, String message, Throwable cause) {
    this(kind, message, List.of(), cause);
  }

  /** The request is wrong; {@code errors} says where. */
  public static FlopsException invalidInput(String message, List<FieldError> errors) {
    return new FlopsException(ErrorKind.INVALID_INPUT, message, errors, null);
  }

  /** Nothing with that id exists. */
  public static FlopsException notFound(String message) {
    return new FlopsException(ErrorKind.NOT_FOUND, message, List.of(), null);
  }

  /** The request conflicts with the current state. */
  public static FlopsException conflict(String message) {
    return new FlopsException(ErrorKind.CONFLICT, message, List.of(), null);
  }

  /** The request carries no credential, or an unknown one. */
  public static FlopsException unauthorized(String message) {
    return new FlopsException(ErrorKind.UNAUTHORIZED, message, List.of(), null);
  }

  /** The caller may not do this. */
  public static FlopsException forbidden(String message) {
    return new FlopsException(ErrorKind.FORBIDDEN, message, List.of(), null);
  }

  /** A quota was reached. */
  public static FlopsException tooMany(String message) {
    return new FlopsException(ErrorKind.TOO_MANY, message, List.of(), null);
  }

  /** An outside system failed. */
  public static FlopsException outsideFailure(String message, Throwable cause) {
    return new FlopsException(ErrorKind.OUTSIDE_FAILURE, message, List.of(), cause);
  }

  @Override
  public ErrorKind kind() {
    return kind;
  }

  @Override
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
