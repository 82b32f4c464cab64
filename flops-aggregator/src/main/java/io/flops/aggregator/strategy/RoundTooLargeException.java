package io.flops.aggregator.strategy;

/** A robust strategy refuses a round whose updates would not fit its memory bound. */
public class RoundTooLargeException extends RuntimeException {

  public RoundTooLargeException(String message) {
    super(message);
  }
}
