package io.flops.aggregator.training;

import java.util.Map;

/**
 * A round fell short only because learners' streams were lost (not because a learner failed or
 * answered wrongly): once they reconnect, running the same round again may well succeed.
 */
public class LearnersLostException extends TrainingFailedException {

  public LearnersLostException(String message, Map<String, String> lost) {
    super(message, lost);
  }
}
