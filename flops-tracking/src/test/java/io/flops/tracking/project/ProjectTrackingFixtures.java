package io.flops.tracking.project;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Rounds of a 3-round MNIST project whose best model comes from round 2, not the last. */
public final class ProjectTrackingFixtures {

  public static final ProjectInfo PROJECT =
      new ProjectInfo(
          "mnist-demo",
          "Admin",
          "https://github.com/flops/mnist-dl4j",
          "0123456789abcdef0123456789abcdef01234567",
          "fedavg",
          3,
          2,
          "classic");

  /** A hierarchical project over clusters edge-a and edge-b. */
  public static final ProjectInfo HIERARCHICAL =
      new ProjectInfo(
          "hfl", "Admin", "https://example.org/r", "abc", "fedavg", 1, 2, "hierarchical");

  private static final double[] LOSS = {0.9, 0.35, 0.4};
  private static final double[] ACCURACY = {0.71, 0.91, 0.89};

  private ProjectTrackingFixtures() {}

  public static RoundRecord round(int round) {
    Instant started = Instant.parse("2026-11-23T10:00:00Z").plusSeconds(60L * round);
    return RoundRecord.of(
        round,
        started,
        started.plus(Duration.ofMillis(12_500)),
        LOSS[round - 1],
        ACCURACY[round - 1],
        6000L * round,
        2_000_000L,
        2);
  }

  /** Root cycle {@code cycle}: one round of each cluster (that of {@link #round} 1). */
  public static RoundRecord cycle(int cycle) {
    RoundRecord clusterRound = round(1);
    return new RoundRecord(
        cycle,
        clusterRound.started(),
        clusterRound.finished(),
        0.5,
        0.8,
        100,
        10,
        2,
        List.of(
            new RoundRecord.ClusterRound("edge-a", clusterRound),
            new RoundRecord.ClusterRound("edge-b", clusterRound)));
  }
}
