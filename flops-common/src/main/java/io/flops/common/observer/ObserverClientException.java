package io.flops.common.observer;

/** A project observer could not be reached or answered something unexpected. */
public class ObserverClientException extends RuntimeException {

  public ObserverClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
