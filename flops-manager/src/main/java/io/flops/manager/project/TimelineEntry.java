package io.flops.manager.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flops.common.api.ProjectState;
import java.time.Instant;

/**
 * One step of a project's history.
 *
 * @param at when
 * @param from the state before (null for the first entry)
 * @param to the state after
 * @param trigger what caused it (null for the first entry)
 * @param message one readable sentence
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(
    Instant at, ProjectState from, ProjectState to, Trigger trigger, String message) {}
