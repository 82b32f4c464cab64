package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A project's {@code tracking}: where its rounds and best model are tracked.
 *
 * @param uri the tracking URI (an MLflow server or a file store)
 * @param experimentId the project's experiment, once training reported it
 * @param runId the run holding the best model, once training ended
 * @param modelUri the logged model's URI, once training ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectTrackingView(
    @JsonProperty("uri") String uri,
    @JsonProperty("experiment_id") String experimentId,
    @JsonProperty("run_id") String runId,
    @JsonProperty("model_uri") String modelUri) {}
