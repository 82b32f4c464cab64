package io.flops.cli.evaluate;

/**
 * Reads the resource usage of the FLOps processes or containers (the port; {@link
 * HostProcessSampler} is the adapter for processes on this host, {@link ContainerSampler} the one
 * for containers). Readings are cumulative; the evaluation turns two consecutive readings into one
 * {@link ResourceSample}.
 */
public interface ResourceSampler extends AutoCloseable {

  /** What is measured, in a few words, e.g. {@code the manager (pid 42) and its 9 processes}. */
  String target();

  /**
   * The counters now.
   *
   * @throws IllegalStateException with one sentence when they cannot be read
   */
  ResourceReading read();

  /** Releases what the sampler holds (connections, streams); nothing by default. */
  @Override
  default void close() {}
}
