package io.flops.dataserver.mock;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was published, for assertions. */
final class RecordingEventPublisher implements EventPublisher {

  final List<ComponentEvent> componentEvents = new CopyOnWriteArrayList<>();
  final List<ObserverEvent> observerEvents = new CopyOnWriteArrayList<>();

  @Override
  public void publish(ComponentEvent event) {
    componentEvents.add(event);
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    observerEvents.add(event);
  }

  List<ComponentEvent.MockDataProviderFinished> finished() {
    return componentEvents.stream()
        .map(ComponentEvent.MockDataProviderFinished.class::cast)
        .toList();
  }
}
