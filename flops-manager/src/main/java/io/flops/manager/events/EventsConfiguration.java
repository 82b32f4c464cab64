package io.flops.manager.events;

import io.flops.common.observer.web.EventStreamRelay;
import io.flops.manager.config.EventsProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/** The relay of projects' event logs to server-sent-event streams, on the manager's workers. */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

  @Bean
  EventStreamRelay projectEventStreams(
      @Qualifier("flopsWorkers") TaskExecutor executor, EventsProperties properties) {
    return new EventStreamRelay(executor, properties.getStreamTimeout());
  }
}
