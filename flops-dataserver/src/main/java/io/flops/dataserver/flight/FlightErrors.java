package io.flops.dataserver.flight;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.Failure;
import java.io.UncheckedIOException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/**
 * Maps the store's errors to Flight call statuses by their {@link ErrorKind}, with the store's
 * readable message.
 */
final class FlightErrors {

  private FlightErrors() {}

  static FlightRuntimeException toFlight(RuntimeException e) {
    if (e instanceof FlightRuntimeException flight) {
      return flight;
    }
    CallStatus status =
        switch (Failure.of(e).kind()) {
          case INVALID_INPUT, CONFLICT -> CallStatus.INVALID_ARGUMENT;
          case NOT_FOUND -> CallStatus.NOT_FOUND;
          default -> unclassified(e);
        };
    return status.withDescription(e.getMessage()).withCause(e).toRuntimeException();
  }

  private static CallStatus unclassified(RuntimeException e) {
    if (e instanceof IllegalArgumentException) {
      return CallStatus.INVALID_ARGUMENT;
    }
    if (e instanceof UncheckedIOException
        && String.valueOf(e.getMessage()).contains("No space left")) {
      return CallStatus.RESOURCE_EXHAUSTED;
    }
    return CallStatus.INTERNAL;
  }
}
