package io.flops.dataserver.flight;

import io.flops.dataserver.store.BatchSource;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.vector.VectorSchemaRoot;

/** The batches of a DoPut stream. */
final class FlightBatchSource implements BatchSource {

  private final FlightStream stream;

  FlightBatchSource(FlightStream stream) {
    this.stream = stream;
  }

  @Override
  public VectorSchemaRoot root() {
    return stream.getRoot();
  }

  @Override
  public boolean next() {
    return stream.next();
  }
}
