package io.flops.benchmarks.transfer;

import io.flops.benchmarks.Options;
import io.flops.dataclient.DataServerClient;
import io.flops.dataclient.DatasetInfo;
import io.flops.dataserver.flight.DataFlightServer;
import io.flops.dataserver.store.DatasetStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.Ticket;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Prints the data server's Arrow Flight put and get throughput next to raw gRPC {@code bytes}
 * streaming of the same payload, measured in the same run over loopback. Arguments: {@code [--rows
 * N] [--runs N] [--warmups N]}; defaults 1,000,000 rows (int64, float32, float64 = 20 bytes a row),
 * 5 measured runs after 2 warm-ups. See docs/data.md for how to run it.
 */
public final class TransferBenchmark {

  private static final int CHUNK = 1 << 20;

  private TransferBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.of(args);
    long rows = options.value("--rows", 1_000_000);
    int runs = options.intValue("--runs", 5);
    int warmups = options.intValue("--warmups", 2);
    long payload = rows * BenchTable.ROW_BYTES;
    Path storage = Files.createTempDirectory("flops-benchmark");
    try (BufferAllocator allocator = new RootAllocator();
        BenchTable table = new BenchTable(allocator, rows)) {
      DatasetStore store = DatasetStore.open(storage, allocator);
      try (DataFlightServer server =
              DataFlightServer.start(store, allocator, "127.0.0.1", 0, Duration.ofSeconds(5));
          DataServerClient client = DataServerClient.connect("127.0.0.1:" + server.port());
          GrpcBytesStream grpc = new GrpcBytesStream(CHUNK)) {
        System.out.printf(
            Locale.ROOT,
            "java %s, cores=%d; payload %d rows = %.1f MB; %d warm-ups + %d runs%n",
            System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors(),
            rows,
            payload / 1e6,
            warmups,
            runs);
        Timings put = measure(warmups, runs, () -> table.putTo(client));
        DatasetInfo stored = client.list(List.of(BenchTable.TAG)).get(0);
        Timings get = measure(warmups, runs, () -> getAll(server.port(), stored, allocator));
        Timings down = measure(warmups, runs, () -> check(grpc.download(payload), payload));
        Timings up = measure(warmups, runs, () -> check(grpc.upload(payload), payload));
        print("Arrow Flight DoPut (to disk)", put, payload);
        print("Arrow Flight DoGet (from disk)", get, payload);
        print("gRPC bytes server stream, 1 MiB", down, payload);
        print("gRPC bytes client stream, 1 MiB", up, payload);
        System.out.printf(
            Locale.ROOT,
            "Flight get / gRPC stream = %.0f%% (goal >= 50%%); Flight put / gRPC upload = %.0f%%%n",
            100 * down.best() / get.best(),
            100 * up.best() / put.best());
      }
    } finally {
      deleteRecursively(storage);
    }
  }

  private static long getAll(int port, DatasetInfo dataset, BufferAllocator allocator)
      throws Exception {
    long rows = 0;
    try (FlightClient client =
            FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", port)).build();
        FlightStream stream =
            client.getStream(new Ticket(dataset.name().getBytes(StandardCharsets.UTF_8)))) {
      while (stream.next()) {
        VectorSchemaRoot root = stream.getRoot();
        rows += root.getRowCount();
      }
    }
    return check(rows, dataset.rows());
  }

  private static long check(long got, long expected) {
    if (got != expected) {
      throw new IllegalStateException("Transferred " + got + " instead of " + expected);
    }
    return got;
  }

  /** A transfer to time. */
  @FunctionalInterface
  interface Transfer {
    long run() throws Exception;
  }

  /** Run times in seconds. */
  record Timings(List<Double> seconds) {
    double best() {
      return seconds.stream().min(Double::compare).orElseThrow();
    }

    double mean() {
      return seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
  }

  private static Timings measure(int warmups, int runs, Transfer transfer) throws Exception {
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < warmups + runs; i++) {
      long start = System.nanoTime();
      transfer.run();
      if (i >= warmups) {
        seconds.add((System.nanoTime() - start) / 1e9);
      }
    }
    return new Timings(seconds);
  }

  private static void print(String what, Timings timings, long payload) {
    System.out.printf(
        Locale.ROOT,
        "%-34s mean %7.1f MB/s   best %7.1f MB/s   (%.0f ms mean)%n",
        what,
        payload / 1e6 / timings.mean(),
        payload / 1e6 / timings.best(),
        timings.mean() * 1000);
  }

  private static void deleteRecursively(Path directory) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
