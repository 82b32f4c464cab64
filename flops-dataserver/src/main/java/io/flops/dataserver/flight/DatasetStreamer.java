package io.flops.dataserver.flight;

import io.flops.dataserver.store.DatasetStore;
import java.io.IOException;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.ServerStreamListener;
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
    ReadySignal ready = new ReadySignal(listener);
    try (ArrowFileReader reader = store.open(name)) {
      listener.start(reader.getVectorSchemaRoot());
      while (reader.loadNextBatch()) {
        if (!ready.await(READY_TIMEOUT_MILLIS)) {
          stopped(listener);
          return;
        }
        listener.putNext();
      }
      listener.completed();
    } catch (RuntimeException e) {
      listener.error(FlightErrors.toFlight(e));
    } catch (IOException e) {
      listener.error(
          CallStatus.INTERNAL
              .withDescription("Could not read data set '" + name + "': " + e.getMessage())
              .toRuntimeException());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listener.error(CallStatus.CANCELLED.withDescription("Server stopping").toRuntimeException());
    }
  }

  private static void stopped(ServerStreamListener listener) {
    if (!listener.isCancelled()) {
      listener.error(
          CallStatus.TIMED_OUT
              .withDescription("The client did not read for " + READY_TIMEOUT_MILLIS + " ms")
              .toRuntimeException());
    }
  }
}
