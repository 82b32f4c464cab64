package io.flops.aggregator.fl;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what components publish. */
final class RecordingEvents implements EventPublisher {

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

  <T extends ComponentEvent> List<T> of(Class<T> type) {
    return componentEvents.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<ObserverEvent> of(ObserverEvent.Kind kind) {
    return observerEvents.stream().filter(e -> e.kind() == kind).toList();
  }
}
