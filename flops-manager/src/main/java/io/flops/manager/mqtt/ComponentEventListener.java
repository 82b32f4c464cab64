package io.flops.manager.mqtt;

import io.flops.common.events.ComponentEvent;

/**
 * Receives every decoded component → manager event (the project lifecycle, the mock-data jobs).
 * Each listener takes what concerns it and ignores the rest.
 */
@FunctionalInterface
public interface ComponentEventListener {

  /** Handles one event; a failure is logged by the receiver and does not reach other listeners. */
  void onComponentEvent(ComponentEvent event);
}
