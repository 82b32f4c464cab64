package io.flops.cli.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a customer's experiments are tracked, as {@code GET /api/flops/tracking} answers.
 *
 * @param kind {@code file-store}, {@code server} or {@code none}
 * @param trackingUrl the MLflow server (kind {@code server})
 * @param storeDirectory the MLflow file store (kind {@code file-store})
 * @param uiCommand the {@code mlflow ui} command that opens the file store
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrackingInfo(
    @JsonProperty("kind") String kind,
    @JsonProperty("tracking_url") String trackingUrl,
    @JsonProperty("store_directory") String storeDirectory,
    @JsonProperty("ui_command") String uiCommand) {}
