package io.flops.dataclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.Criteria;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightDescriptor;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.PutResult;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.SyncPutListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A client of one ML data server ({@code host:port}): lists, puts, drops and fetches data sets by
 * data tag, over TLS or plaintext as its {@link DataServerTrust} says. Thread-safe; close it when
 * done.
 */
public final class DataServerClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String address;
  private final Location location;
  private final BufferAllocator allocator;
  private final FlightClient client;
  private final CallOption[] credentials;
  private final DataServerTrust trust;

  private DataServerClient(
      String address, String host, int port, String token, DataServerTrust trust) {
    this.address = address;
    this.trust = trust;
    this.location = trust.location(host, port);
    this.credentials = DataAccess.credentials(token);
    this.allocator = new RootAllocator();
    this.client = trust.client(allocator, location);
  }

  /**
   * Connects (lazily) in plaintext to the data server at {@code address}, without a token.
   *
   * @param address {@code host:port}; a bare host uses port {@value
   *     DataServerProtocol#DEFAULT_PORT}
   */
  public static DataServerClient connect(String address) {
    return connect(address, "", DataServerTrust.PLAINTEXT);
  }

  /**
   * Connects (lazily) to the data server at {@code address}, sending {@code token} (a reader,
   * writer or admin token, {@link DataAccess}) with every call (empty: none), over TLS or plaintext
   * as {@code trust} says. A TLS handshake that fails (another authority, another name, a plaintext
   * server) fails the first call with a {@link DataServerException}.
   */
  public static DataServerClient connect(String address, String token, DataServerTrust trust) {
    String trimmed = address.trim();
    int colon = trimmed.lastIndexOf(':');
    String host = colon < 0 ? trimmed : trimmed.substring(0, colon);
    int port = DataServerProtocol.DEFAULT_PORT;
    if (colon >= 0) {
      try {
        port = Integer.parseInt(trimmed.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Data server address '" + address + "' is not host:port", e);
      }
    }
    return new DataServerClient(host + ":" + port, host, port, token, trust);
  }

  /** The server's {@code host:port}. */
  public String address() {
    return address;
  }

  /** The data sets under any of {@code tags}; every data set when {@code tags} is empty. */
  public List<DatasetInfo> list(List<String> tags) {
    List<DatasetInfo> result = new ArrayList<>();
    try {
      for (FlightInfo info :
          client.listFlights(
              new Criteria(DataServerProtocol.criteria(List.copyOf(tags))), credentials)) {
        String name = new String(info.getEndpoints().get(0).getTicket().getBytes(), UTF8);
        result.add(
            new DatasetInfo(
                name,
                DataServerProtocol.tagOfName(name),
                info.getSchema(),
                info.getRecords(),
                info.getBytes()));
      }
    } catch (FlightRuntimeException e) {
      throw failure("list data sets for tags " + tags, e);
    }
    return result;
  }

  /**
   * Puts one data set under {@code tag}: {@code filler} fills {@code root} batch by batch.
   *
   * @throws DataServerException with the server's reason (e.g. a schema conflict)
   */
  public PutReceipt put(String tag, VectorSchemaRoot root, BatchFiller filler) {
    DataServerProtocol.requireValidTag(tag);
    try (SyncPutListener listener = new SyncPutListener()) {
      FlightClient.ClientStreamListener stream =
          client.startPut(FlightDescriptor.path(tag), root, listener, credentials);
      while (filler.fillNext(root)) {
        stream.putNext();
      }
      stream.completed();
      PutReceipt receipt = readReceipt(listener);
      stream.getResult();
      return receipt;
    } catch (FlightRuntimeException e) {
      throw failure("put a data set under tag '" + tag + "'", e);
    }
  }

  /**
   * Drops the data sets of a tag, or one data set by name.
   *
   * @return the names of the data sets dropped
   */
  public List<String> drop(String tagOrName) {
    List<String> dropped = new ArrayList<>();
    try {
      Iterator<Result> results =
          client.doAction(
              new Action(DataServerProtocol.DROP_ACTION, tagOrName.getBytes(UTF8)), credentials);
      while (results.hasNext()) {
        JsonNode body = JSON.readTree(results.next().getBody());
        body.path("dropped").forEach(name -> dropped.add(name.asText()));
      }
    } catch (FlightRuntimeException e) {
      throw failure("drop '" + tagOrName + "'", e);
    } catch (IOException e) {
      throw new DataServerException("Data server " + address + " sent a malformed drop answer", e);
    }
    return dropped;
  }

  /**
   * Fetches every data set under any of {@code tags} and merges them into training and test tables.
   * The result owns its Arrow memory: close it when the data is no longer needed.
   *
   * @throws NoDataException when no data set matches
   */
  public ArrowLocalData fetch(List<String> tags) {
    List<DatasetInfo> datasets = list(tags);
    if (datasets.isEmpty()) {
      throw new NoDataException(tags, address);
    }
    return new DatasetFetcher(address, location, credentials, trust).fetch(tags, datasets);
  }

  private PutReceipt readReceipt(SyncPutListener listener) {
    try (PutResult result = listener.read()) {
      if (result == null) {
        throw new DataServerException("Data server " + address + " did not confirm the put");
      }
      ArrowBuf buf = result.getApplicationMetadata();
      byte[] bytes = new byte[(int) buf.readableBytes()];
      buf.getBytes(0, bytes);
      JsonNode body = JSON.readTree(bytes);
      return new PutReceipt(
          body.path("name").asText(), body.path("rows").asLong(), body.path("stored").asBoolean());
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof FlightRuntimeException f
          ? failure("put a data set", f)
          : new DataServerException("Put to data server " + address + " failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataServerException("Interrupted while putting to data server " + address, e);
    } catch (IOException e) {
      throw new DataServerException("Data server " + address + " sent a malformed put answer", e);
    }
  }

  private DataServerException failure(String what, FlightRuntimeException e) {
    String reason =
        e.status().description() == null || e.status().description().isEmpty()
            ? e.status().code().toString()
            : e.status().description();
    String hint =
        e.status().code() == FlightStatusCode.UNAVAILABLE
            ? " (" + trust.unreachableHint() + ")"
            : "";
    return new DataServerException(
        "Could not " + what + " on data server " + address + ": " + reason + hint, e);
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      allocator.close();
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;
}
