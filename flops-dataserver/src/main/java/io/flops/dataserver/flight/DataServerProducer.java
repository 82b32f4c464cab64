package io.flops.dataserver.flight;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.dataclient.DataAccess;
import io.flops.dataclient.DataAccess.Role;
import io.flops.dataclient.DataServerProtocol;
import io.flops.dataserver.store.DatasetStore;
import io.flops.dataserver.store.PutOutcome;
import io.flops.dataserver.store.StoredDataset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightEndpoint;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The data server's Arrow Flight interface over a {@link DatasetStore}: DoPut under a tag,
 * ListFlights by tags, DoGet by name, GetFlightInfo, and the {@value
 * DataServerProtocol#DROP_ACTION} action.
 */
public final class DataServerProducer extends NoOpFlightProducer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ActionType DROP =
      new ActionType(
          DataServerProtocol.DROP_ACTION,
          "Deletes data sets: the body is a data tag (all its data sets) or one data set name"
              + " <tag>.<hash>.arrow; answers {\"dropped\": [names]}");

  private final DatasetStore store;
  private final BufferAllocator allocator;
  private final DatasetStreamer streamer;

  public DataServerProducer(DatasetStore store, BufferAllocator allocator) {
    this.store = store;
    this.allocator = allocator;
    this.streamer = new DatasetStreamer(store);
  }

  @Override
  public Runnable acceptPut(
      CallContext context, FlightStream stream, StreamListener<PutResult> ackStream) {
    return () -> {
      try {
        DataAccess.require(context, Role.WRITER, "put data sets");
        String tag = tagOf(stream.getDescriptor());
        PutOutcome outcome = store.put(tag, new FlightBatchSource(stream));
        byte[] answer =
            json(
                Map.of(
                    "name", outcome.dataset().name(),
                    "rows", outcome.dataset().rows(),
                    "stored", outcome.stored()));
        try (ArrowBuf buffer = allocator.buffer(answer.length)) {
          buffer.writeBytes(answer);
          ackStream.onNext(PutResult.metadata(buffer));
        }
        ackStream.onCompleted();
      } catch (RuntimeException e) {
        ackStream.onError(FlightErrors.toFlight(e));
      }
    };
  }

  @Override
  public void listFlights(
      CallContext context, Criteria criteria, StreamListener<FlightInfo> listener) {
    try {
      DataAccess.require(context, Role.READER, "list data sets");
      List<String> tags = DataServerProtocol.tagsOf(criteria.getExpression());
      store.list(tags).forEach(dataset -> listener.onNext(infoOf(dataset)));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(FlightErrors.toFlight(e));
    }
  }

  @Override
  public FlightInfo getFlightInfo(CallContext context, FlightDescriptor descriptor) {
    DataAccess.require(context, Role.READER, "read data sets");
    String name =
        descriptor.isCommand() ? utf8(descriptor.getCommand()) : descriptor.getPath().get(0);
    return store
        .find(name)
        .map(DataServerProducer::infoOf)
        .orElseThrow(
            () ->
                CallStatus.NOT_FOUND
                    .withDescription("No data set named '" + name + "' is stored")
                    .toRuntimeException());
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    try {
      DataAccess.require(context, Role.READER, "read data sets");
    } catch (RuntimeException e) {
      listener.error(FlightErrors.toFlight(e));
      return;
    }
    streamer.stream(utf8(ticket.getBytes()), listener);
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    if (!DataServerProtocol.DROP_ACTION.equals(action.getType())) {
      listener.onError(
          CallStatus.UNIMPLEMENTED
              .withDescription(
                  "Unknown action '"
                      + action.getType()
                      + "'; this server offers "
                      + DataServerProtocol.DROP_ACTION)
              .toRuntimeException());
      return;
    }
    try {
      DataAccess.require(context, Role.ADMIN, "drop data sets");
      List<String> dropped = store.drop(utf8(action.getBody()).trim());
      listener.onNext(new Result(json(Map.of("dropped", dropped))));
      listener.onCompleted();
    } catch (RuntimeException e) {
      listener.onError(FlightErrors.toFlight(e));
    }
  }

  @Override
  public void listActions(CallContext context, StreamListener<ActionType> listener) {
    listener.onNext(DROP);
    listener.onCompleted();
  }

  private static FlightInfo infoOf(StoredDataset dataset) {
    Ticket ticket = new Ticket(dataset.name().getBytes(StandardCharsets.UTF_8));
    return new FlightInfo(
        dataset.schema(),
        FlightDescriptor.path(dataset.name()),
        List.of(new FlightEndpoint(ticket)),
        dataset.bytes(),
        dataset.rows());
  }

  /** The tag named by a put's descriptor; a file name (as the original's clients sent) works. */
  private static String tagOf(FlightDescriptor descriptor) {
    String named =
        descriptor.isCommand()
            ? utf8(descriptor.getCommand())
            : descriptor.getPath().isEmpty() ? "" : descriptor.getPath().get(0);
    return DataServerProtocol.tagOfName(named);
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] json(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
