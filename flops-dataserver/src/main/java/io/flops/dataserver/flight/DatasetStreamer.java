package io.flops.dataserver.flight;

import io.flops.dataserver.store.DatasetStore;
import org.apache.arrow.flight.BackpressureStrategy;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;

/**
 * Streams a stored data set batch by batch: only the batch being sent is in memory, and sending
 * waits while the client is not ready for more.
 */
final class DatasetStreamer {

  private static final long READY_TIMEOUT_MILLIS = 60_000;

  private final DatasetStore store;

  DatasetStreamer(DatasetStore store) {
    this.store = store;
  }

  void stream(String name, ServerStreamListener listener) {
    BackpressureStrategy backpressure = new BackpressureStrategy.CallbackBackpressureStrategy();
    backpressure.register(listener);
    try (ArrowFileReader reader = store.open(name)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      listener.start(root);
      while (reader.loadNextBatch()) {
        if (!awaitReady(backpressure, listener)) {
          return;
        }
        listener.putNext();
      }
      listener.completed();
    } catch (RuntimeException e) {
      listener.error(FlightErrors.toFlight(e));
    } catch (java.io.IOException e) {
      listener.error(
          CallStatus.INTERNAL
              .withDescription("Could not read data set '" + name + "': " + e.getMessage())
              .toRuntimeException());
    }
  }

  private static boolean awaitReady(
      BackpressureStrategy backpressure, ServerStreamListener listener) {
    BackpressureStrategy.WaitResult result = backpressure.waitForListener(READY_TIMEOUT_MILLIS);
    if (result == BackpressureStrategy.WaitResult.READY) {
      return true;
    }
    if (result == BackpressureStrategy.WaitResult.TIMEOUT) {
      listener.error(
          CallStatus.TIMED_OUT
              .withDescription("The client did not read for " + READY_TIMEOUT_MILLIS + " ms")
              .toRuntimeException());
    }
    return false;
  }
}
