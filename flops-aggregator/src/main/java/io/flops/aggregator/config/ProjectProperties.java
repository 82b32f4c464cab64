package io.flops.aggregator.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The project-wide variables every component reads ({@code FLOPS_*}, see docs/services.md).
 *
 * @param projectId the FLOps project ({@code FLOPS_PROJECT_ID})
 * @param mqttUrl the MQTT broker, e.g. {@code tcp://127.0.0.1:9027}; empty: events are only logged
 * @param customerId the customer, tagged on the experiment
 * @param repoUrl the ML repository, tagged on the experiment
 * @param repoCommit the repository commit, tagged on the experiment
 */
@Validated
@ConfigurationProperties(prefix = "flops")
public record ProjectProperties(
    @DefaultValue("local") String projectId,
    @DefaultValue("") String mqttUrl,
    @DefaultValue("") String customerId,
    @DefaultValue("") String repoUrl,
    @DefaultValue("") String repoCommit) {}
