package io.flops.tracking.filestore;

import java.nio.file.Path;

/** Where MLflow's file store keeps what (FILESTORE.md §2-§5). */
record StoreLayout(Path root) {

  StoreLayout {
    root = root.toAbsolutePath().normalize();
  }

  /** The store's root as the {@code file://} URI MLflow writes into meta.yaml files. */
  String rootUri() {
    return root.toUri().toString().replaceAll("/+$", "");
  }

  Path experiment(String experimentId) {
    return root.resolve(experimentId);
  }

  Path experimentMeta(String experimentId) {
    return experiment(experimentId).resolve("meta.yaml");
  }

  Path experimentTag(String experimentId, String key) {
    return experiment(experimentId).resolve("tags").resolve(key);
  }

  Path run(String experimentId, String runId) {
    return experiment(experimentId).resolve(runId);
  }

  Path registeredModel(String name) {
    return root.resolve("models").resolve(name);
  }
}
