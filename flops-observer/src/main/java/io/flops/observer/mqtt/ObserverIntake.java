package io.flops.observer.mqtt;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.EventSeal;
import io.flops.common.events.ObserverEvent;
import io.flops.common.observer.EventIntake;
import io.flops.common.observer.EventLog;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * Appends each received payload sealed with the project's key (all when the observer was started
 * without one) to the event log; other payloads are dropped. When the log cannot be written, the
 * message is not acknowledged (the broker delivers it again) and the manager is told once, on
 * {@code flops_manager/project_observer/failed}, until writing works again.
 */
final class ObserverIntake implements MessageHandler {

  private static final Logger log = LoggerFactory.getLogger(ObserverIntake.class);

  private final String projectId;
  private final EventSeal seal;
  private final EventIntake intake;
  private final EventLog eventLog;
  private final EventPublisher reporter;
  private final AtomicBoolean failing = new AtomicBoolean();

  ObserverIntake(
      String projectId,
      EventSeal seal,
      EventIntake intake,
      EventLog eventLog,
      EventPublisher reporter) {
    this.projectId = projectId;
    this.seal = seal;
    this.intake = intake;
    this.eventLog = eventLog;
    this.reporter = reporter;
  }

  @Override
  public void handleMessage(Message<?> message) {
    byte[] payload = (byte[]) message.getPayload();
    if (seal != null && !seal.verifies(payload)) {
      log.warn("Refused an event that is not sealed with project {}'s key", projectId);
      return;
    }
    ObserverEvent event = intake.read(payload);
    try {
      eventLog
          .accept(event)
          .ifPresent(
              stored ->
                  log.info(
                      "#{} {} {}: {}",
                      stored.seq(),
                      event.source(),
                      event.kind(),
                      event.message()));
      failing.set(false);
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        reporter.publish(
            new ComponentEvent.ObserverFailed(
                UUID.randomUUID().toString(),
                projectId,
                "The observer of project " + projectId + " cannot keep events: " + e.getMessage()));
      }
      throw e;
    }
  }
}
