package io.flops.common.observer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file with one {@link SequencedEvent} as JSON per line. Each append is written and
 * forced to disk before it returns; a line cut short by a crash is skipped on load (with a log
 * line), so the file stays readable. {@link #replaceAll} writes a new file and renames it over the
 * old one.
 */
public final class JsonLinesEventStore implements EventStore {

  private static final Logger log = LoggerFactory.getLogger(JsonLinesEventStore.class);

  /** The JSON used on disk and by the observer's API. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final Path file;
  private int storedCount;

  /** A store in {@code file}; its directory is created when missing. */
  public JsonLinesEventStore(Path file) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create the directory of event log " + file + reason(e), e);
    }
  }

  @Override
  public synchronized List<SequencedEvent> load() {
    if (!Files.exists(file)) {
      storedCount = 0;
      return List.of();
    }
    List<SequencedEvent> events = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          readLine(line, events);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read event log " + file + reason(e), e);
    }
    storedCount = events.size();
    return events;
  }

  @Override
  public synchronized void append(SequencedEvent event) {
    try {
      Files.write(
          file,
          line(event),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          StandardOpenOption.DSYNC);
      storedCount++;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to event log " + file + reason(e), e);
    }
  }

  @Override
  public synchronized void replaceAll(List<SequencedEvent> events) {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try {
      StringBuilder text = new StringBuilder();
      for (SequencedEvent event : events) {
        text.append(new String(line(event), StandardCharsets.UTF_8));
      }
      Files.writeString(
          next,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE,
          StandardOpenOption.DSYNC);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      storedCount = events.size();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot rewrite event log " + file + reason(e), e);
    }
  }

  @Override
  public synchronized int storedCount() {
    return storedCount;
  }

  /** The file this store writes. */
  public Path file() {
    return file;
  }

  private void readLine(String line, List<SequencedEvent> events) {
    try {
      events.add(JSON.readValue(line, SequencedEvent.class));
    } catch (JsonProcessingException e) {
      log.warn("Skipping an unreadable line of event log {}: {}", file, e.getOriginalMessage());
    }
  }

  private static String reason(IOException e) {
    return ": "
        + (e instanceof FileSystemException f && f.getReason() != null
            ? f.getReason()
            : e.getMessage());
  }

  private static byte[] line(SequencedEvent event) {
    try {
      return (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot encode event " + event.id(), e);
    }
  }
}
