package io.flops.dataserver.mock;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventCodec;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.Topics;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes events to the log as the JSON that would go to MQTT; used when no broker is configured
 * ({@code FLOPS_MQTT_URL} empty), e.g. when the provider is run by hand.
 */
public final class LogEventPublisher implements EventPublisher {

  private static final Logger log = LoggerFactory.getLogger("io.flops.events");
  private final EventCodec codec = new EventCodec();

  @Override
  public void publish(ComponentEvent event) {
    log.info("{} {}", event.topic(), new String(codec.encode(event), StandardCharsets.UTF_8));
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    log.info(
        "{} {}",
        Topics.observer(projectId),
        new String(codec.encode(event), StandardCharsets.UTF_8));
  }
}
