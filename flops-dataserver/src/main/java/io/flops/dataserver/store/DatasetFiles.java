package io.flops.dataserver.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes incoming data sets to temporary Arrow IPC files and reads back what a file holds. */
final class DatasetFiles {

  /** Footer metadata key holding the row count, so start-up need not read every batch. */
  static final String ROWS_KEY = "flops.rows";

  private static final int HASH_BYTES = 16;

  private final Path temporary;
  private final BufferAllocator allocator;

  DatasetFiles(Path temporary, BufferAllocator allocator) {
    this.temporary = temporary;
    this.allocator = allocator;
  }

  /** A complete data set written to a temporary file, named by the hash of its bytes. */
  record Written(Path file, String hash, Schema schema, long rows, long bytes) {}

  /** Writes every batch of {@code source} into a new temporary file and syncs it to disk. */
  Written write(BatchSource source) throws IOException {
    Path file = temporary.resolve(UUID.randomUUID() + ".part");
    MessageDigest digest = sha256();
    Map<String, String> footer = new HashMap<>();
    Schema schema = source.root().getSchema();
    long rows = 0;
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ArrowFileWriter writer =
            new ArrowFileWriter(
                source.root(), null, new DigestingChannel(channel, digest), footer)) {
      writer.start();
      while (source.next()) {
        rows += source.root().getRowCount();
        writer.writeBatch();
      }
      footer.put(ROWS_KEY, Long.toString(rows));
      writer.end();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    String hash = HexFormat.of().formatHex(digest.digest(), 0, HASH_BYTES);
    return new Written(file, hash, schema, rows, Files.size(file));
  }

  /** Reads the schema and row count of a stored file (from its footer). */
  StoredDataset describe(String name, String tag, Path file) {
    try (ArrowFileReader reader = open(file)) {
      Schema schema = reader.getVectorSchemaRoot().getSchema();
      String rows = reader.getMetaData().get(ROWS_KEY);
      long count = rows != null ? Long.parseLong(rows) : countRows(reader);
      return new StoredDataset(name, tag, schema, count, Files.size(file), file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read data set file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens a stored file for reading batch by batch; the caller closes it. */
  ArrowFileReader open(Path file) throws IOException {
    return new ArrowFileReader(FileChannel.open(file, StandardOpenOption.READ), allocator);
  }

  private static long countRows(ArrowFileReader reader) throws IOException {
    long rows = 0;
    while (reader.loadNextBatch()) {
      rows += reader.getVectorSchemaRoot().getRowCount();
    }
    return rows;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
