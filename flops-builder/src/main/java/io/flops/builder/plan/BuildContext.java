package io.flops.builder.plan;

import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a running plan gets: its project, a fresh work directory and a way to run timed steps that
 * are reported to the project's observer stream as {@code BUILD_STEP} events.
 */
public final class BuildContext {

  private final String projectId;
  private final Path workDir;
  private final EventPublisher events;
  private final boolean verbose;
  private final Map<String, Long> timings = new LinkedHashMap<>();

  public BuildContext(String projectId, Path workDir, EventPublisher events, boolean verbose) {
    this.projectId = projectId;
    this.workDir = workDir;
    this.events = events;
    this.verbose = verbose;
  }

  /** A step's work. */
  @FunctionalInterface
  public interface Step<T> {
    T run() throws BuildFailure;
  }

  /** Runs {@code step}, records its duration under {@code name} and reports it when done. */
  public <T> T step(String name, String description, Step<T> step) throws BuildFailure {
    if (verbose) {
      observe(ObserverEvent.Level.DEBUG, ObserverEvent.Kind.LOG, description + " ...", Map.of());
    }
    long start = System.nanoTime();
    T result = step.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    timings.put(name, millis);
    observe(
        ObserverEvent.Level.INFO,
        ObserverEvent.Kind.BUILD_STEP,
        description + " took " + String.format("%.1f s", millis / 1000.0) + ".",
        Map.of("step", name, "duration_ms", millis));
    return result;
  }

  /** Sends one line to the project's observer stream. */
  public void observe(
      ObserverEvent.Level level,
      ObserverEvent.Kind kind,
      String message,
      Map<String, Object> data) {
    events.publish(
        projectId,
        new ObserverEvent(
            UUID.randomUUID().toString(), Instant.now(), "builder", level, kind, message, data));
  }

  public String projectId() {
    return projectId;
  }

  public Path workDir() {
    return workDir;
  }

  /** Durations of the steps run so far, in milliseconds, in order. */
  public Map<String, Long> timings() {
    return new LinkedHashMap<>(timings);
  }
}
