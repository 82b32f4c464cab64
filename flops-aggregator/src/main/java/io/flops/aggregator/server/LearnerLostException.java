package io.flops.aggregator.server;

/**
 * The learner's stream was lost (it disconnected, went silent or closed it) before it answered: the
 * learner may well come back, unlike one that reported a failure or answered wrongly.
 */
public class LearnerLostException extends LearnerFailureException {

  public LearnerLostException(String message) {
    super(message);
  }
}
