package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /api/flops/projects}, as in the original.
 *
 * @param message a sentence for people
 * @param id the new project's id
 */
public record ProjectCreated(
    @JsonProperty("message") String message, @JsonProperty("flops_project_id") String id) {}
