package io.flops.dataserver.store;

/**
 * What one tag holds.
 *
 * @param datasets number of data sets
 * @param rows rows over all of them
 * @param bytes bytes on disk over all of them
 */
public record TagStats(long datasets, long rows, long bytes) {}
