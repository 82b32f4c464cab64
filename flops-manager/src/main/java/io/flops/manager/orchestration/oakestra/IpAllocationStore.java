package io.flops.manager.orchestration.oakestra;

import java.util.Optional;

/**
 * Persists which Oakestra round-robin service IP belongs to which FLOps service, so that
 * allocations survive a manager restart and never collide.
 */
public interface IpAllocationStore {

  /**
   * Records {@code ip} as {@code owner}'s.
   *
   * @return false when {@code ip} already belongs to someone
   */
  boolean claim(String ip, String owner);

  /** The IP {@code owner} holds, if any. */
  Optional<String> ipOf(String owner);

  /** Frees {@code owner}'s IP; harmless when it holds none. */
  void release(String owner);
}
