package io.flops.observer;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The observer's local limits ({@code flops.observer.*}, e.g. {@code FLOPS_OBSERVER_MAX_EVENTS};
 * see docs/observer.md). What the manager tells it is its launch record, {@link
 * io.flops.common.launch.ObserverLaunch}.
 *
 * @param maxEvents the most events kept; beyond it the oldest non-STATE events are dropped
 * @param sessionExpiry how long the broker keeps the observer's MQTT session, and so queues the
 *     project's events, while the observer is away (restarting)
 * @param streamTimeout how long one server-sent-event response stays open; browsers reconnect and
 *     resume from the last event id they saw
 * @param heartbeat how often an open event stream gets a comment line, to notice gone clients
 */
@Validated
@ConfigurationProperties(prefix = "flops.observer")
public record ObserverLimits(
    @Min(10) @DefaultValue("10000") int maxEvents,
    @NotNull @DefaultValue("1d") Duration sessionExpiry,
    @NotNull @DefaultValue("10m") Duration streamTimeout,
    @NotNull @DefaultValue("15s") Duration heartbeat) {}
