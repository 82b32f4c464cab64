package io.flops.tracking.filestore;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists a file store the way FILESTORE.md §2 shows one ({@code [dir ]} and {@code [file]} lines,
 * each file's content as {@code |} lines, binary files in hex), with the values that differ from
 * store to store replaced by placeholders: the root by {@code /data/mlruns}, the experiment id by
 * {@code <exp>}, run ids by {@code <run-N>} (N from the run name), epoch milliseconds by {@code
 * <ms>}, other 32-hex ids by {@code <uuid>} and MLflow's UTC creation times by {@code <utc>}.
 */
final class StoreListing {

  private StoreListing() {}

  static String describe(Path root) throws IOException {
    Map<String, String> ids = ids(root);
    StringBuilder listing = new StringBuilder();
    describeDirectory(root, root, ids, listing);
    return normalize(root, ids, listing.toString());
  }

  /** Like FILESTORE.md: a folder, then its files, then its sub-folders, each sorted by name. */
  private static void describeDirectory(
      Path root, Path directory, Map<String, String> ids, StringBuilder listing)
      throws IOException {
    String name = root.relativize(directory).toString();
    listing.append("[dir ] ").append(name.isEmpty() ? "." : name).append("/\n");
    List<Path> entries;
    try (Stream<Path> children = Files.list(directory)) {
      entries =
          children
              .sorted(Comparator.comparing(path -> replaceIds(path.getFileName().toString(), ids)))
              .toList();
    }
    for (Path file : entries.stream().filter(Files::isRegularFile).toList()) {
      describeFile(file, root.relativize(file).toString(), listing);
    }
    for (Path folder : entries.stream().filter(Files::isDirectory).toList()) {
      describeDirectory(root, folder, ids, listing);
    }
  }

  private static void describeFile(Path path, String name, StringBuilder listing)
      throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    try {
      String text =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
        throw new CharacterCodingException();
      }
      listing
          .append("[file] ")
          .append(name)
          .append("  (ends with newline: ")
          .append(text.endsWith("\n") ? "True" : "False")
          .append(")\n");
      text.lines().forEach(line -> listing.append("       | ").append(line).append('\n'));
    } catch (CharacterCodingException binary) {
      listing
          .append("[file] ")
          .append(name)
          .append("  (")
          .append(bytes.length)
          .append(" bytes, binary) hex: ")
          .append(HexFormat.ofDelimiter(" ").formatHex(bytes))
          .append('\n');
    }
  }

  private static Map<String, String> ids(Path root) throws IOException {
    Map<String, String> ids = new LinkedHashMap<>();
    try (Stream<Path> metas = Files.walk(root)) {
      for (Path meta : metas.filter(p -> p.endsWith("meta.yaml")).toList()) {
        String text = Files.readString(meta);
        String runName = field(text, "run_name");
        if (runName != null) {
          String number = runName.replaceAll("\\D+", "-").replaceAll("^-|-$", "");
          ids.put(field(text, "run_id"), "<run-" + number + ">");
        }
        String experiment = field(text, "experiment_id");
        if (experiment != null && !experiment.equals("'0'")) {
          ids.put(experiment.replace("'", ""), "<exp>");
        }
      }
    }
    return ids;
  }

  private static String replaceIds(String text, Map<String, String> ids) {
    String replaced = text;
    for (Map.Entry<String, String> id : ids.entrySet()) {
      replaced = replaced.replace(id.getKey(), id.getValue());
    }
    return replaced;
  }

  private static String normalize(Path root, Map<String, String> ids, String listing) {
    String rootUri = root.toUri().toString().replaceAll("/$", "");
    return replaceIds(listing.replace(rootUri, "file:///data/mlruns"), ids)
        .replaceAll("\\b1[0-9]{12}\\b", "<ms>")
        .replaceAll("\\b[0-9a-f]{32}\\b", "<uuid>")
        .replaceAll("[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}", "<utc>");
  }

  private static String field(String yaml, String key) {
    return yaml.lines()
        .filter(line -> line.startsWith(key + ": "))
        .map(line -> line.substring(key.length() + 2))
        .findFirst()
        .orElse(null);
  }
}
