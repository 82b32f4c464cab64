package io.flops.tracking.project;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finished FL round (for hierarchical FL: one root cycle), as the aggregator measured it.
 *
 * @param round the round number, from 1
 * @param started when the round started
 * @param finished when the round ended
 * @param loss the aggregated evaluation loss
 * @param accuracy the aggregated evaluation accuracy
 * @param examples the number of training examples the learners used
 * @param bytesExchanged the bytes of model parameters sent and received in the round
 * @param learnersAnswered how many learners (or cluster aggregators) answered
 * @param clusterRounds for a root cycle, the rounds its clusters ran (nested runs); else empty
 */
public record RoundRecord(
    int round,
    Instant started,
    Instant finished,
    double loss,
    double accuracy,
    long examples,
    long bytesExchanged,
    int learnersAnswered,
    List<ClusterRound> clusterRounds) {

  public RoundRecord {
    clusterRounds = List.copyOf(clusterRounds);
  }

  /** A classic round, without cluster rounds. */
  public static RoundRecord of(
      int round,
      Instant started,
      Instant finished,
      double loss,
      double accuracy,
      long examples,
      long bytesExchanged,
      int learnersAnswered) {
    return new RoundRecord(
        round,
        started,
        finished,
        loss,
        accuracy,
        examples,
        bytesExchanged,
        learnersAnswered,
        List.of());
  }

  /**
   * The metrics logged for the round: loss, accuracy, examples, round_duration_s (seconds),
   * bytes_exchanged, learners_answered.
   */
  public Map<String, Double> metrics() {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", loss);
    metrics.put("accuracy", accuracy);
    metrics.put("examples", (double) examples);
    metrics.put("round_duration_s", duration().toMillis() / 1000.0);
    metrics.put("bytes_exchanged", (double) bytesExchanged);
    metrics.put("learners_answered", (double) learnersAnswered);
    return metrics;
  }

  /** How long the round took. */
  public Duration duration() {
    return Duration.between(started, finished);
  }

  /**
   * One round of one cluster during a root cycle (hierarchical FL).
   *
   * @param cluster the cluster's name
   * @param round the cluster's round within the cycle, with its metrics
   */
  public record ClusterRound(String cluster, RoundRecord round) {}
}
