package io.flops.common.orchestration;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;

/**
 * The orchestrator refused or failed a request. {@link #isTransient()} tells whether retrying may
 * help (connection refused, 5xx) or not (a refusal such as no cluster with capacity). An outside
 * failure: the API answers it with 502.
 */
public class OrchestrationException extends FlopsException {

  private final boolean transientFailure;

  public OrchestrationException(String message, boolean transientFailure, Throwable cause) {
    super(ErrorKind.OUTSIDE_FAILURE, message, cause);
    this.transientFailure = transientFailure;
  }

  public OrchestrationException(String message) {
    this(message, false, null);
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
