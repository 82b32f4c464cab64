package io.flops.manager.events;

import io.flops.common.events.EventCodec;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.Topics;
import io.flops.common.observer.EventIntake;
import io.flops.manager.lifecycle.ProjectService;
import io.flops.manager.mqtt.EventKeys;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.annotation.ServiceActivator;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Stores each message on {@code project_observer/<project id>} that is sealed with the project's
 * key ({@link EventKeys}) in that project's event log; a sealed payload that is not an event is
 * kept as a warning line (see {@link EventIntake}), anything else is dropped.
 */
@Component
public class ObserverEventReceiver {

  private static final Logger log = LoggerFactory.getLogger(ObserverEventReceiver.class);

  private final EventIntake intake = new EventIntake(new EventCodec(), Clock.systemUTC());
  private final ProjectEventLogs logs;
  private final ProjectService projects;
  private final Set<String> roundsSeen = ConcurrentHashMap.newKeySet();

  private final EventKeys keys;

  public ObserverEventReceiver(ProjectEventLogs logs, ProjectService projects, EventKeys keys) {
    this.logs = logs;
    this.projects = projects;
    this.keys = keys;
  }

  @ServiceActivator(inputChannel = "observerEvents")
  public void receive(Message<byte[]> message) {
    String topic = String.valueOf(message.getHeaders().get(MqttHeaders.RECEIVED_TOPIC));
    if (!topic.startsWith(Topics.OBSERVER_PREFIX)) {
      log.warn("Dropped an observer message on the unexpected topic {}", topic);
      return;
    }
    String projectId = topic.substring(Topics.OBSERVER_PREFIX.length());
    if (!keys.believes(projectId, message.getPayload())) {
      log.warn("Refused an event on {}: it is not sealed with that project's key", topic);
      return;
    }
    try {
      ObserverEvent event = intake.read(message.getPayload());
      logs.of(projectId).accept(event);
      if (event.kind() == ObserverEvent.Kind.ROUND && roundsSeen.add(projectId)) {
        projects.recordRound(projectId, event.ts());
      }
    } catch (RuntimeException e) {
      log.warn("Could not keep an event of project {}: {}", projectId, e.getMessage());
    }
  }
}
