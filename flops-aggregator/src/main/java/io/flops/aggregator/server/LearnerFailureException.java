package io.flops.aggregator.server;

/** A learner dropped out or could not carry out an instruction; the message says which and why. */
public class LearnerFailureException extends RuntimeException {

  public LearnerFailureException(String message) {
    super(message);
  }
}
