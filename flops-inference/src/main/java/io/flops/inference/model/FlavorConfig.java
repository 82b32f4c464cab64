package io.flops.inference.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One flavor's section of an {@code MLmodel} file, e.g. {@code flavors.dl4j}: {@code model_data}
 * (the model file, or {@code .} when there are several), {@code files}, {@code <flavor>_version}
 * and {@code output_classes}.
 */
public record FlavorConfig(String name, Map<String, Object> fields) {

  public FlavorConfig {
    fields = Map.copyOf(fields);
  }

  /** A text field, if present. */
  public Optional<String> text(String key) {
    Object value = fields.get(key);
    return value == null ? Optional.empty() : Optional.of(value.toString());
  }

  /** A list field as texts; empty when absent. */
  public List<String> texts(String key) {
    return fields.get(key) instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of();
  }

  /** The version of the flavor's library, from {@code <flavor>_version}, if present. */
  public Optional<String> libraryVersion() {
    return text(name + "_version");
  }
}
