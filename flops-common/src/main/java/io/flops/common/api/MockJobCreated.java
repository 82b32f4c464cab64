package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to {@code POST /api/flops/mocks}.
 *
 * @param message a sentence for people
 * @param id the new mock-data job's id
 */
public record MockJobCreated(
    @JsonProperty("message") String message, @JsonProperty("mock_id") String id) {}
