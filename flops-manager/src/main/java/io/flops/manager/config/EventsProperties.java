package io.flops.manager.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How the manager keeps and streams projects' observer events ({@code flops.events.*}). */
@Validated
@ConfigurationProperties(prefix = "flops.events")
public class EventsProperties {

  /** The most events kept per project (state transitions are never dropped). */
  @Min(1)
  private int maxEvents = 10_000;

  /** How long an event stream stays open before the reader has to reconnect. */
  @NotNull private Duration streamTimeout = Duration.ofMinutes(30);

  public int getMaxEvents() {
    return maxEvents;
  }

  public void setMaxEvents(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  public Duration getStreamTimeout() {
    return streamTimeout;
  }

  public void setStreamTimeout(Duration streamTimeout) {
    this.streamTimeout = streamTimeout;
  }
}
