package io.flops.tracking.filestore;

import io.flops.tracking.MlflowConventions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** MLflow's model registry inside the file store: {@code models/<name>/version-<n>/}. */
final class FileStoreRegistry {

  private final StoreLayout layout;

  FileStoreRegistry(StoreLayout layout) {
    this.layout = layout;
  }

  /** Registers {@code source} as the next version of model {@code name}; returns the version. */
  int register(String name, String source, String runId) {
    Path model = layout.registeredModel(name);
    long now = System.currentTimeMillis();
    Path meta = model.resolve("meta.yaml");
    long created = Files.exists(meta) ? creationTimestamp(meta) : now;
    int version = lastVersion(model) + 1;
    StoreFiles.createDirectories(model.resolve("tags"));
    StoreFiles.createDirectories(model.resolve("version-" + version).resolve("tags"));
    StoreFiles.write(
        model.resolve("version-" + version).resolve("meta.yaml"),
        MetaYaml.modelVersion(name, version, source, runId, now));
    StoreFiles.write(
        meta,
        MetaYaml.registeredModel(
            name, MlflowConventions.registeredModelDescription(name), created, now));
    return version;
  }

  private static long creationTimestamp(Path meta) {
    return StoreFiles.read(meta)
        .lines()
        .filter(line -> line.startsWith("creation_timestamp: "))
        .map(line -> Long.parseLong(line.substring("creation_timestamp: ".length()).trim()))
        .findFirst()
        .orElse(System.currentTimeMillis());
  }

  private static int lastVersion(Path model) {
    if (!Files.isDirectory(model)) {
      return 0;
    }
    try (Stream<Path> entries = Files.list(model)) {
      return entries
          .map(entry -> entry.getFileName().toString())
          .filter(name -> name.matches("version-[0-9]+"))
          .mapToInt(name -> Integer.parseInt(name.substring("version-".length())))
          .max()
          .orElse(0);
    } catch (IOException e) {
      throw StoreFiles.failure("list", model, e);
    }
  }
}
