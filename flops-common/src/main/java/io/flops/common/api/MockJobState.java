package io.flops.common.api;

/** Where a mock-data job is. */
public enum MockJobState {
  /** The provider is deployed and pushing partitions. */
  RUNNING,
  /** Every partition was pushed (or the provider exited with 0). */
  COMPLETED,
  /** The provider reported a failure or ended with an error. */
  FAILED
}
