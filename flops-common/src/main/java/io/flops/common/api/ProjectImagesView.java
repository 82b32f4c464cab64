package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A project's {@code images}.
 *
 * @param commit the repository commit the actor images are built from
 * @param learner the learner image
 * @param aggregator the aggregator image
 * @param reused true when the actor images existed already and were not rebuilt
 * @param trainedModel the inference image of the trained model, once built
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectImagesView(
    @JsonProperty("commit") String commit,
    @JsonProperty("learner") String learner,
    @JsonProperty("aggregator") String aggregator,
    @JsonProperty("reused") boolean reused,
    @JsonProperty("trained_model") String trainedModel) {}
