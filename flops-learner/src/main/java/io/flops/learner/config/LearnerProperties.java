package io.flops.learner.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The learner's local knobs ({@code flops.learner.*}, e.g. {@code FLOPS_LEARNER_MAX_BACKOFF}); what
 * the manager tells it is its launch record, {@link io.flops.common.launch.LearnerLaunch}
 * (docs/services.md).
 *
 * @param heartbeatInterval how often it sends a heartbeat
 * @param livenessTimeout silence from the aggregator after which it reconnects
 * @param initialBackoff first wait before reconnecting to the aggregator
 * @param maxBackoff longest wait between reconnects
 * @param chunkSize size of the parameter chunks it sends (1–4 MiB)
 * @param failureReportTimeout how long it tries to tell the aggregator that it cannot take part
 */
@Validated
@ConfigurationProperties(prefix = "flops.learner")
public record LearnerProperties(
    @NotNull @DefaultValue("1s") Duration heartbeatInterval,
    @NotNull @DefaultValue("5s") Duration livenessTimeout,
    @NotNull @DefaultValue("500ms") Duration initialBackoff,
    @NotNull @DefaultValue("20s") Duration maxBackoff,
    @NotNull @DefaultValue("1MB") DataSize chunkSize,
    @NotNull @DefaultValue("60s") Duration failureReportTimeout) {}
