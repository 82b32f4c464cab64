package io.flops.common.orchestration;

/**
 * The orchestrator refused or failed a request. {@link #isTransient()} tells whether retrying may
 * help (connection refused, 5xx) or not (a refusal such as no cluster with capacity).
 */
public class OrchestrationException extends RuntimeException {

  private final boolean transientFailure;

  public OrchestrationException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public OrchestrationException(String message) {
    this(message, false, null);
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
