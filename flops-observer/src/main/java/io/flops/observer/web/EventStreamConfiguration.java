package io.flops.observer.web;

import io.flops.common.error.web.ProblemAdvice;
import io.flops.common.observer.web.EventStreamRelay;
import io.flops.observer.ObserverSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The observer's web side: the event log relayed to server-sent-event streams (each gets a
 * heartbeat comment now and then, to notice readers that are gone) and errors as RFC 7807 problems
 * through the FLOps table.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemAdvice.class)
public class EventStreamConfiguration {

  @Bean
  EventStreamRelay eventStreams(
      ThreadPoolTaskExecutor eventDeliveryExecutor, ObserverSettings properties) {
    return new EventStreamRelay(eventDeliveryExecutor, properties.streamTimeout());
  }

  /** Heartbeats on the open streams, every {@code flops.observer.heartbeat}. */
  @Bean
  Heartbeat eventStreamHeartbeat(EventStreamRelay eventStreams) {
    return new Heartbeat(eventStreams);
  }

  /** Sends the heartbeat comments. */
  static final class Heartbeat {
    private final EventStreamRelay streams;

    Heartbeat(EventStreamRelay streams) {
      this.streams = streams;
    }

    @Scheduled(fixedRateString = "${flops.observer.heartbeat:15s}")
    void beat() {
      streams.heartbeat();
    }
  }
}
