package io.flops.dataclient;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams data sets into memory owned by a fresh allocator, so the fetched data outlives the client
 * that listed it.
 */
final class DatasetFetcher {

  private final String address;
  private final Location location;
  private final CallOption[] credentials;
  private final DataServerTrust trust;

  DatasetFetcher(
      String address, Location location, CallOption[] credentials, DataServerTrust trust) {
    this.address = address;
    this.location = location;
    this.credentials = credentials;
    this.trust = trust;
  }

  ArrowLocalData fetch(List<String> tags, List<DatasetInfo> datasets) {
    BufferAllocator allocator = new RootAllocator();
    List<VectorSchemaRoot> train = new ArrayList<>();
    List<VectorSchemaRoot> test = new ArrayList<>();
    try {
      try (FlightClient client = trust.client(allocator, location)) {
        for (DatasetInfo dataset : datasets) {
          boolean isTest = DataServerProtocol.TEST.equals(dataset.split());
          download(client, allocator, dataset, isTest ? test : train, credentials);
        }
      }
      Schema trainSchema = commonSchema(tags, datasets, DataServerProtocol.TRAIN);
      Schema testSchema = commonSchema(tags, datasets, DataServerProtocol.TEST);
      return new ArrowLocalData(
          tags,
          datasets,
          new ArrowTable(trainSchema, train),
          test.isEmpty() ? null : new ArrowTable(testSchema, test),
          allocator);
    } catch (Exception e) {
      train.forEach(VectorSchemaRoot::close);
      test.forEach(VectorSchemaRoot::close);
      allocator.close();
      throw translate(tags, e);
    }
  }

  private static void download(
      FlightClient client,
      BufferAllocator allocator,
      DatasetInfo dataset,
      List<VectorSchemaRoot> into,
      CallOption[] credentials)
      throws Exception {
    try (FlightStream stream =
        client.getStream(
            new Ticket(dataset.name().getBytes(StandardCharsets.UTF_8)), credentials)) {
      while (stream.next()) {
        VectorSchemaRoot received = stream.getRoot();
        VectorSchemaRoot copy = VectorSchemaRoot.create(received.getSchema(), allocator);
        try (ArrowRecordBatch batch = new VectorUnloader(received).getRecordBatch()) {
          new VectorLoader(copy).load(batch);
        }
        into.add(copy);
      }
    }
  }

  /** The columns shared by every data set of one split (training rows when none is marked). */
  private Schema commonSchema(List<String> tags, List<DatasetInfo> datasets, String split) {
    Schema common = null;
    String first = null;
    for (DatasetInfo dataset : datasets) {
      if (!split.equals(dataset.split())) {
        continue;
      }
      Schema columns = new Schema(dataset.schema().getFields());
      if (common == null) {
        common = columns;
        first = dataset.name();
      } else if (!common.equals(columns)) {
        throw new DataServerException(
            "Data sets for tags "
                + tags
                + " on data server "
                + address
                + " have different columns: "
                + first
                + " has "
                + common
                + " but "
                + dataset.name()
                + " has "
                + columns);
      }
    }
    return common == null ? new Schema(List.of()) : common;
  }

  private RuntimeException translate(List<String> tags, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    if (e instanceof DataServerException d) {
      return d;
    }
    String reason =
        e instanceof FlightRuntimeException f ? f.status().description() : e.getMessage();
    return new DataServerException(
        "Could not fetch data for tags " + tags + " from data server " + address + ": " + reason,
        e);
  }
}
