package io.flops.common.events;

/**
 * Where components send their events: component → manager events and the project's observer stream.
 * Implementations must not throw on a broker outage; they retry or drop with a log line, because
 * reporting never fails the work itself.
 */
public interface EventPublisher extends AutoCloseable {

  /** Publishes on {@link ComponentEvent#topic()} with QoS 1. */
  void publish(ComponentEvent event);

  /** Publishes on {@code project_observer/<projectId>} with QoS 1. */
  void publish(String projectId, ObserverEvent event);

  @Override
  default void close() {}
}
