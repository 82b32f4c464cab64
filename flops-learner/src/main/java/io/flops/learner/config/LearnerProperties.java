package io.flops.learner.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every knob of the learner ({@code FLOPS_LEARNER_*}, see docs/services.md).
 *
 * @param aggregatorAddress the aggregator's host:port
 * @param dataServer the node's ML data server, host:port
 * @param dataTags the SLA's data tags to train on
 * @param name the learner's name in events and logs
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
    @NotBlank @DefaultValue("127.0.0.1:8080") String aggregatorAddress,
    @NotBlank @DefaultValue("127.0.0.1:11027") String dataServer,
    @DefaultValue List<String> dataTags,
    @NotBlank @DefaultValue("learner") String name,
    @NotNull @DefaultValue("1s") Duration heartbeatInterval,
    @NotNull @DefaultValue("5s") Duration livenessTimeout,
    @NotNull @DefaultValue("500ms") Duration initialBackoff,
    @NotNull @DefaultValue("20s") Duration maxBackoff,
    @NotNull @DefaultValue("1MB") DataSize chunkSize,
    @NotNull @DefaultValue("60s") Duration failureReportTimeout) {

  /**
   * The name of this instance: {@link #name} plus the orchestrator's instance index ({@code
   * FLOPS_INSTANCE}) or, without one, the host name, so that the instances of one learner service
   * tell apart in events and logs.
   */
  public String instanceName(String instance, String hostname) {
    if (instance != null && !instance.isBlank()) {
      return name + "-" + instance;
    }
    return hostname == null || hostname.isBlank() ? name : name + "-" + hostname;
  }
}
