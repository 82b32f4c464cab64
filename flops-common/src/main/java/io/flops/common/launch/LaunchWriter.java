package io.flops.common.launch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@link LaunchVariable}s into an environment map, in order. Null and empty values (empty
 * strings and lists) are left out: unset means "the service's default", as {@link LaunchReader}
 * reads it.
 */
public final class LaunchWriter {

  private final Map<String, String> environment = new LinkedHashMap<>();

  /** Sets {@code variable} to {@code value}: a collection comma-separated, else its string. */
  public LaunchWriter put(LaunchVariable variable, Object value) {
    String text =
        value instanceof Collection<?> items
            ? items.stream().map(String::valueOf).collect(Collectors.joining(","))
            : value == null ? "" : String.valueOf(value);
    if (!text.isEmpty()) {
      environment.put(variable.envName(), text);
    }
    return this;
  }

  /** Adds every variable of {@code other}. */
  public LaunchWriter putAll(Map<String, String> other) {
    environment.putAll(other);
    return this;
  }

  /** The variables written so far, in order. */
  public Map<String, String> toMap() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }
}
