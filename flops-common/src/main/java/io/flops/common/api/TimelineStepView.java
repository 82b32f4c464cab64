package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One step of a project's {@code timeline}: a state transition.
 *
 * @param at when
 * @param from the state before; left out for the first step
 * @param to the state after
 * @param trigger what caused it, the lifecycle's name for it (e.g. {@code IMAGES_BUILT}); left out
 *     for the first step
 * @param message one readable sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineStepView(
    @JsonProperty("at") Instant at,
    @JsonProperty("from") ProjectState from,
    @JsonProperty("to") ProjectState to,
    @JsonProperty("trigger") String trigger,
    @JsonProperty("message") String message) {}
