package io.flops.common.error;

import java.util.List;

/**
 * An exception that knows its {@link ErrorKind}; its message is one readable sentence for the
 * caller. {@link FlopsException} is the usual one; an exception that must extend another type (an
 * {@code IOException} thrown from a stream) implements this instead.
 */
public interface ClassifiedError {

  /** What kind of failure this is. */
  ErrorKind kind();

  /** The invalid fields, for {@link ErrorKind#INVALID_INPUT}; else empty. */
  default List<FieldError> fieldErrors() {
    return List.of();
  }
}
