package io.flops.aggregator.training;

import java.util.Map;
import java.util.Optional;

/**
 * The training cannot go on; the message is one sentence for the user. When learners caused it
 * (their fit failed, they dropped out, or one cannot take part), {@link #learnerFailure} names the
 * first of them and its own reason, so the failure is reported against the learner.
 */
public class TrainingFailedException extends Exception {

  private final Map.Entry<String, String> learnerFailure;

  public TrainingFailedException(String message) {
    this(message, Map.of());
  }

  /**
   * @param learnerFailures learner → its reason, of the learners that caused it (may be empty)
   */
  public TrainingFailedException(String message, Map<String, String> learnerFailures) {
    super(message);
    this.learnerFailure =
        learnerFailures.entrySet().stream()
            .findFirst()
            .map(first -> Map.entry(first.getKey(), first.getValue()))
            .orElse(null);
  }

  /** The first learner that caused the failure, with its reason. */
  public Optional<Map.Entry<String, String>> learnerFailure() {
    return Optional.ofNullable(learnerFailure);
  }
}
