package io.flops.dataserver.store;

import io.flops.dataclient.DataServerProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data sets kept as Arrow IPC files {@code <tag>.<content hash>.arrow} in one directory. A put is
 * written to a temporary file and renamed atomically, so a crash or a full disk never leaves a half
 * data set visible; identical content is stored once; all data sets under one tag share their
 * columns. Safe for concurrent use.
 */
public final class DatasetStore {

  private static final Logger log = LoggerFactory.getLogger(DatasetStore.class);
  private static final Pattern FILE_NAME = Pattern.compile("([^.]+)\\.([0-9a-f]+)\\.arrow");

  private final Path directory;
  private final DatasetFiles files;
  private final Map<String, StoredDataset> byName = new ConcurrentHashMap<>();
  private final Map<String, Object> tagLocks = new ConcurrentHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private DatasetStore(Path directory, Path temporary, BufferAllocator allocator) {
    this.directory = directory;
    this.files = new DatasetFiles(temporary, allocator);
  }

  /**
   * Opens (creating when missing) the store in {@code directory}: removes leftovers of interrupted
   * puts and indexes the data sets found.
   */
  public static DatasetStore open(Path directory, BufferAllocator allocator) {
    Path temporary = directory.resolve(".incoming");
    try {
      Files.createDirectories(temporary);
      try (Stream<Path> leftovers = Files.list(temporary)) {
        for (Path leftover : leftovers.toList()) {
          Files.deleteIfExists(leftover);
        }
      }
      DatasetStore store = new DatasetStore(directory, temporary, allocator);
      store.index();
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the data set storage directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The directory the data sets lie in. */
  public Path directory() {
    return directory;
  }

  /** Calls {@code listener} after every change (put or drop). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /**
   * Stores the batches of {@code source} under {@code tag}.
   *
   * @throws SchemaConflictException when the tag holds data sets with other columns
   * @throws UncheckedIOException when the data set cannot be written (nothing is left behind)
   */
  public PutOutcome put(String tag, BatchSource source) {
    DataServerProtocol.requireValidTag(tag);
    requireCompatible(tag, source.root().getSchema());
    DatasetFiles.Written written;
    try {
      written = files.write(source);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not store the data set for tag '" + tag + "': " + e.getMessage(), e);
    }
    try {
      return commit(tag, written);
    } finally {
      deleteQuietly(written.file());
    }
  }

  private PutOutcome commit(String tag, DatasetFiles.Written written) {
    synchronized (lockOf(tag)) {
      requireCompatible(tag, written.schema());
      String name = tag + "." + written.hash() + ".arrow";
      StoredDataset existing = byName.get(name);
      if (existing != null) {
        return new PutOutcome(existing, false);
      }
      Path target = directory.resolve(name);
      try {
        Files.move(written.file(), target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not store " + name + ": " + e.getMessage(), e);
      }
      StoredDataset dataset =
          new StoredDataset(name, tag, written.schema(), written.rows(), written.bytes(), target);
      byName.put(name, dataset);
      changed();
      return new PutOutcome(dataset, true);
    }
  }

  /** The data sets under any of {@code tags} (every data set when empty), ordered by name. */
  public List<StoredDataset> list(Collection<String> tags) {
    return byName.values().stream()
        .filter(dataset -> tags.isEmpty() || tags.contains(dataset.tag()))
        .sorted(Comparator.comparing(StoredDataset::name))
        .toList();
  }

  /** The data set called {@code name}, if stored. */
  public Optional<StoredDataset> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Opens a data set for reading batch by batch; the caller closes the reader. A data set dropped
   * while being read stays readable until the reader is closed.
   *
   * @throws DatasetNotFoundException for an unknown name
   */
  public ArrowFileReader open(String name) {
    StoredDataset dataset = find(name).orElseThrow(() -> new DatasetNotFoundException(name));
    try {
      return files.open(dataset.file());
    } catch (IOException e) {
      throw new DatasetNotFoundException(name);
    }
  }

  /**
   * Deletes one data set by name, or every data set of a tag.
   *
   * @return the names deleted (empty when nothing matched)
   */
  public List<String> drop(String tagOrName) {
    String tag = DataServerProtocol.tagOfName(tagOrName);
    List<String> dropped = new ArrayList<>();
    synchronized (lockOf(tag)) {
      for (StoredDataset dataset : list(List.of(tag))) {
        if (dataset.name().equals(tagOrName) || tag.equals(tagOrName)) {
          deleteQuietly(dataset.file());
          byName.remove(dataset.name());
          dropped.add(dataset.name());
        }
      }
    }
    if (!dropped.isEmpty()) {
      changed();
    }
    return dropped;
  }

  /** Data sets, rows and bytes per tag. */
  public Map<String, TagStats> statsByTag() {
    Map<String, TagStats> stats = new TreeMap<>();
    for (StoredDataset dataset : byName.values()) {
      stats.merge(
          dataset.tag(),
          new TagStats(1, dataset.rows(), dataset.bytes()),
          (a, b) -> new TagStats(a.datasets() + 1, a.rows() + b.rows(), a.bytes() + b.bytes()));
    }
    return stats;
  }

  private void requireCompatible(String tag, Schema offered) {
    Schema columns = new Schema(offered.getFields());
    list(List.of(tag)).stream()
        .map(dataset -> new Schema(dataset.schema().getFields()))
        .filter(held -> !held.equals(columns))
        .findFirst()
        .ifPresent(
            held -> {
              throw new SchemaConflictException(tag, columns, held);
            });
  }

  private void index() throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path file : entries.filter(Files::isRegularFile).toList()) {
        Matcher matcher = FILE_NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
          log.warn("Ignoring {}: not a data set file <tag>.<hash>.arrow", file);
          continue;
        }
        StoredDataset dataset = files.describe(matcher.group(0), matcher.group(1), file);
        byName.put(dataset.name(), dataset);
      }
    }
    log.info("Data set store {} holds {} data sets", directory, byName.size());
  }

  private Object lockOf(String tag) {
    return tagLocks.computeIfAbsent(tag, key -> new Object());
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", file, e.getMessage());
    }
  }
}
