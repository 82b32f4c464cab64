package io.flops.dataserver.flight;

import io.flops.dataserver.store.DatasetStore;
import java.util.concurrent.locks.LockSupport;
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
    try (ArrowFileReader reader = store.open(name)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      listener.start(root);
      while (reader.loadNextBatch()) {
        if (!awaitReady(listener)) {
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

  /** Waits while the client's flow-control window is full; false when it went away. */
  private static boolean awaitReady(ServerStreamListener listener) {
    long deadline = System.nanoTime() + READY_TIMEOUT_MILLIS * 1_000_000;
    while (!listener.isReady()) {
      if (listener.isCancelled()) {
        return false;
      }
      if (System.nanoTime() > deadline) {
        listener.error(
            CallStatus.TIMED_OUT
                .withDescription("The client did not read for " + READY_TIMEOUT_MILLIS + " ms")
                .toRuntimeException());
        return false;
      }
      LockSupport.parkNanos(200_000);
    }
    return true;
  }
}
