package io.flops.observer.log;

import io.flops.common.events.EventCodec;
import io.flops.common.observer.EventIntake;
import io.flops.common.observer.EventLog;
import io.flops.common.observer.JsonLinesEventStore;
import io.flops.observer.ObserverSettings;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The project's event log, kept in a JSON-lines file under the storage directory. */
@Configuration(proxyBeanMethods = false)
public class EventLogConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EventLogConfiguration.class);

  @Bean
  EventLog eventLog(ObserverSettings properties) {
    JsonLinesEventStore store = new JsonLinesEventStore(properties.eventFile());
    EventLog eventLog = new EventLog(store, properties.maxEvents());
    log.info(
        "Observing project {}: {} events kept in {}",
        properties.projectId(),
        eventLog.size(),
        store.file().toAbsolutePath());
    return eventLog;
  }

  @Bean
  EventIntake eventIntake() {
    return new EventIntake(new EventCodec(), Clock.systemUTC());
  }

  /** Delivers events to open streams, so a slow reader never holds up the MQTT intake. */
  @Bean
  ThreadPoolTaskExecutor eventDeliveryExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setThreadNamePrefix("event-delivery-");
    executor.setCorePoolSize(4);
    executor.setAllowCoreThreadTimeOut(true);
    return executor;
  }
}
