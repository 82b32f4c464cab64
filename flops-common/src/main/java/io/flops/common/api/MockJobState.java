package io.flops.common.api;

/** Where a mock-data job is. */
public enum MockJobState {
  /** The provider is deployed and pushing partitions. */
  RUNNING(false),
  /** Every partition was pushed (or the provider exited with 0). */
  COMPLETED(true),
  /** The provider reported a failure or ended with an error. */
  FAILED(true);

  private final boolean terminal;

  MockJobState(boolean terminal) {
    this.terminal = terminal;
  }

  /** True when the job never changes state again. */
  public boolean isTerminal() {
    return terminal;
  }
}
