package io.flops.aggregator.training;

/** The training cannot go on; the message is one sentence for the user. */
public class TrainingFailedException extends Exception {

  public TrainingFailedException(String message) {
    super(message);
  }
}
