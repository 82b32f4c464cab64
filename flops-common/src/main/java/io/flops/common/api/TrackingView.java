package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a customer's experiments are tracked, as {@code GET /api/flops/tracking} answers (the
 * original's endpoint); empty fields are left out.
 *
 * @param customerId the customer asked about (the original's spelling {@code customerID})
 * @param kind a tracking server, a file store, or none
 * @param trackingUrl the MLflow server's URL (kind {@code server})
 * @param storeDirectory the MLflow file store's directory (kind {@code file-store})
 * @param uiCommand the {@code mlflow ui} command that opens the file store (kind {@code
 *     file-store})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TrackingView(
    @JsonProperty("customerID") String customerId,
    @JsonProperty("kind") TrackingKind kind,
    @JsonProperty("tracking_url") String trackingUrl,
    @JsonProperty("store_directory") String storeDirectory,
    @JsonProperty("ui_command") String uiCommand) {}
