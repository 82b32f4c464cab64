package io.flops.common.events;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the log instead of MQTT; every component uses it when no broker is configured
 * ({@code FLOPS_MQTT_URL} empty), e.g. when it is run by hand or by a benchmark. A component event
 * is logged as its topic and the JSON it would carry; an observer event as its topic, source and
 * message.
 */
public final class LoggingEventPublisher implements EventPublisher {

  private static final Logger log = LoggerFactory.getLogger(LoggingEventPublisher.class);

  private final EventCodec codec = new EventCodec();

  @Override
  public void publish(ComponentEvent event) {
    log.info("{} {}", event.topic(), new String(codec.encode(event), StandardCharsets.UTF_8));
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    log.info("{} [{}] {}", Topics.observer(projectId), event.source(), event.message());
  }
}
