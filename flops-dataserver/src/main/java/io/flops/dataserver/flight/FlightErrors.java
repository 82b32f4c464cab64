package io.flops.dataserver.flight;

import io.flops.dataserver.store.DatasetNotFoundException;
import io.flops.dataserver.store.SchemaConflictException;
import java.io.UncheckedIOException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightRuntimeException;

/** Maps the store's errors to Flight call statuses with the store's readable message. */
final class FlightErrors {

  private FlightErrors() {}

  static FlightRuntimeException toFlight(RuntimeException e) {
    if (e instanceof FlightRuntimeException flight) {
      return flight;
    }
    CallStatus status;
    if (e instanceof SchemaConflictException || e instanceof IllegalArgumentException) {
      status = CallStatus.INVALID_ARGUMENT;
    } else if (e instanceof DatasetNotFoundException) {
      status = CallStatus.NOT_FOUND;
    } else if (e instanceof UncheckedIOException
        && String.valueOf(e.getMessage()).contains("No space left")) {
      status = CallStatus.RESOURCE_EXHAUSTED;
    } else {
      status = CallStatus.INTERNAL;
    }
    return status.withDescription(e.getMessage()).withCause(e).toRuntimeException();
  }
}
