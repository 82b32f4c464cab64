package io.flops.tracking.filestore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** File writes for the store: whole files replaced atomically, metric lines appended. */
final class StoreFiles {

  private StoreFiles() {}

  /**
   * Writes {@code text} as the whole content of {@code file}, via a temporary file and a rename.
   */
  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      try {
        Files.move(
            temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw failure("write", file, e);
    }
  }

  /** Appends {@code line} and a line feed to {@code file}. */
  static void appendLine(Path file, String line) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw failure("append to", file, e);
    }
  }

  static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw failure("create", directory, e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure("read", file, e);
    }
  }

  static UncheckedIOException failure(String action, Path file, IOException cause) {
    return new UncheckedIOException(
        "Could not " + action + " " + file + " in the MLflow file store: " + cause.getMessage(),
        cause);
  }

  /** Writes {@code text} as the whole content of {@code file} directly (for write-once files). */
  static void writeOnce(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw failure("write", file, e);
    }
  }
}
