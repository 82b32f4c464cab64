package io.flops.builder.plan;

/** A build could not finish; the message is one sentence a user can act on. */
public class BuildFailure extends Exception {

  public BuildFailure(String message) {
    super(message);
  }

  public BuildFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
