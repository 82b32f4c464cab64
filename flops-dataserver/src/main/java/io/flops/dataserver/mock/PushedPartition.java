package io.flops.dataserver.mock;

import java.util.List;

/**
 * One partition stored on its data server.
 *
 * @param partition its index (from 0)
 * @param server the data server {@code host:port}
 * @param trainRows training rows pushed
 * @param testRows test rows pushed
 * @param datasets the names the server stored them under
 * @param labelCounts training rows per class
 */
public record PushedPartition(
    int partition,
    String server,
    long trainRows,
    long testRows,
    List<String> datasets,
    long[] labelCounts) {}
