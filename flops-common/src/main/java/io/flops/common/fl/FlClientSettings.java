package io.flops.common.fl;

import java.time.Duration;
import java.util.List;

/**
 * How a learner (or a cluster aggregator) connects to its aggregator.
 *
 * @param target the aggregator's {@code host:port}
 * @param name the learner's name, for logs and events
 * @param projectId the FLOps project
 * @param dataTags the data tags it trains on
 * @param heartbeatInterval how often it sends a heartbeat
 * @param livenessTimeout silence from the aggregator after which the stream is given up
 * @param initialBackoff the first wait before reconnecting
 * @param maxBackoff the longest wait between reconnects
 * @param chunkBytes the size of the parameter chunks it sends (1–4 MiB)
 * @param access the project's join token it presents ({@link FlAccess})
 */
public record FlClientSettings(
    String target,
    String name,
    String projectId,
    List<String> dataTags,
    Duration heartbeatInterval,
    Duration livenessTimeout,
    Duration initialBackoff,
    Duration maxBackoff,
    int chunkBytes,
    FlAccess access) {

  public FlClientSettings {
    dataTags = List.copyOf(dataTags);
    access = access == null ? FlAccess.OPEN : access;
  }

  /** Settings without a join token, for an aggregator that admits everyone (tests, benchmarks). */
  public FlClientSettings(
      String target,
      String name,
      String projectId,
      List<String> dataTags,
      Duration heartbeatInterval,
      Duration livenessTimeout,
      Duration initialBackoff,
      Duration maxBackoff,
      int chunkBytes) {
    this(
        target,
        name,
        projectId,
        dataTags,
        heartbeatInterval,
        livenessTimeout,
        initialBackoff,
        maxBackoff,
        chunkBytes,
        FlAccess.OPEN);
  }
}
