package io.flops.builder.support;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event, for assertions. */
public final class RecordingEventPublisher implements EventPublisher {

  public final List<ComponentEvent> componentEvents = new CopyOnWriteArrayList<>();
  public final List<ObserverEvent> observerEvents = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ComponentEvent event) {
    componentEvents.add(event);
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    observerEvents.add(event);
  }
}
