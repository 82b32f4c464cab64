package io.flops.builder.events;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the log as the JSON they would carry on MQTT; used when no broker is configured
 * ({@code FLOPS_MQTT_URL} empty), e.g. when the builder is run by hand or by the benchmark.
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
    log.info("[{}] {}", projectId, event.message());
  }
}
