package io.flops.aggregator.checkpoint;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Checkpoints in a directory: each one is a folder {@code round-<n>} with {@code
 * checkpoint.properties} (round, best round, its metrics and tracking run) and the arrays as
 * little-endian float32 files ({@code global.f32}, {@code best.f32}, {@code state-<name>.f32}). A
 * checkpoint is written into {@code round-<n>.partial} and renamed when whole, so a crash while
 * writing leaves the previous one; older ones are deleted after.
 */
public final class CheckpointStore {

  private static final String PREFIX = "round-";
  private static final String META = "checkpoint.properties";

  private final Path directory;

  public CheckpointStore(Path directory) {
    this.directory = directory;
  }

  /** The latest whole checkpoint, if any. */
  public Optional<Checkpoint> latest() throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    Optional<Path> newest;
    try (Stream<Path> entries = Files.list(directory)) {
      newest =
          entries
              .filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+"))
              .filter(p -> Files.isRegularFile(p.resolve(META)))
              .max(Comparator.comparingInt(CheckpointStore::roundOf));
    }
    return newest.isEmpty() ? Optional.empty() : Optional.of(read(newest.get()));
  }

  /** Writes {@code checkpoint} and removes the older ones. */
  public void write(Checkpoint checkpoint) throws IOException {
    Files.createDirectories(directory);
    Path partial = directory.resolve(PREFIX + checkpoint.round() + ".partial");
    Path whole = directory.resolve(PREFIX + checkpoint.round());
    deleteTree(partial);
    Files.createDirectories(partial);
    Properties meta = new Properties();
    meta.setProperty("round", String.valueOf(checkpoint.round()));
    writeFloats(partial.resolve("global.f32"), checkpoint.global());
    for (Map.Entry<String, float[]> state : checkpoint.strategyState().entrySet()) {
      writeFloats(partial.resolve("state-" + state.getKey() + ".f32"), state.getValue());
    }
    checkpoint
        .best()
        .ifPresent(
            best -> {
              meta.setProperty("best.round", String.valueOf(best.round()));
              meta.setProperty("best.loss", String.valueOf(best.loss()));
              meta.setProperty("best.accuracy", String.valueOf(best.accuracy()));
              meta.setProperty("best.run-id", best.runId());
              writeFloats(partial.resolve("best.f32"), best.parameters());
            });
    try (Writer writer = Files.newBufferedWriter(partial.resolve(META))) {
      meta.store(writer, "FLOps aggregator checkpoint");
    }
    deleteTree(whole);
    Files.move(partial, whole, StandardCopyOption.ATOMIC_MOVE);
    removeOlderThan(checkpoint.round());
  }

  /**
   * Deletes every checkpoint (whole or partial), leaving the directory itself: the training ended,
   * nothing will resume from them (e.g. on a volume that outlives the aggregator).
   */
  public void clear() throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.toList()) {
        if (entry.getFileName().toString().startsWith(PREFIX)) {
          deleteTree(entry);
        }
      }
    }
  }

  private Checkpoint read(Path folder) throws IOException {
    Properties meta = new Properties();
    try (Reader reader = Files.newBufferedReader(folder.resolve(META))) {
      meta.load(reader);
    }
    Map<String, float[]> state = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("state-") && name.endsWith(".f32")) {
          state.put(name.substring(6, name.length() - 4), readFloats(file));
        }
      }
    }
    Optional<Checkpoint.Best> best =
        meta.containsKey("best.round")
            ? Optional.of(
                new Checkpoint.Best(
                    Integer.parseInt(meta.getProperty("best.round")),
                    Double.parseDouble(meta.getProperty("best.loss")),
                    Double.parseDouble(meta.getProperty("best.accuracy")),
                    readFloats(folder.resolve("best.f32")),
                    meta.getProperty("best.run-id", "")))
            : Optional.empty();
    return new Checkpoint(
        Integer.parseInt(meta.getProperty("round")),
        readFloats(folder.resolve("global.f32")),
        state,
        best);
  }

  private void removeOlderThan(int round) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(PREFIX) && !name.equals(PREFIX + round) && roundOf(entry) < round) {
          deleteTree(entry);
        }
      }
    }
  }

  private static int roundOf(Path folder) {
    String digits =
        folder.getFileName().toString().substring(PREFIX.length()).replace(".partial", "");
    return Integer.parseInt(digits);
  }

  private static void writeFloats(Path file, float[] values) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    try {
      Files.write(file, bytes.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static float[] readFloats(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[bytes.remaining() / Float.BYTES];
    bytes.asFloatBuffer().get(values);
    return values;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
