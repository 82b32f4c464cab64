package io.flops.common.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a data server holds under one data tag: {@code GET /api/tags} of the data server (its HTTP
 * port) and, through the manager, {@code GET /api/flops/nodes}.
 *
 * @param tag the data tag
 * @param datasets data sets stored under it
 * @param rows rows over all of them
 * @param bytes bytes on disk over all of them
 */
public record DataTagView(
    @JsonProperty("tag") String tag,
    @JsonProperty("datasets") long datasets,
    @JsonProperty("rows") long rows,
    @JsonProperty("bytes") long bytes) {}
