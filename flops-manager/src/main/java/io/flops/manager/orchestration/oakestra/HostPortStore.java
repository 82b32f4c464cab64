package io.flops.manager.orchestration.oakestra;

import java.util.List;

/**
 * Persists which worker host port belongs to which FLOps service published on Oakestra, so that
 * allocations survive a manager restart and two services never publish the same host port.
 */
public interface HostPortStore {

  /**
   * Records {@code port} as {@code owner}'s.
   *
   * @return false when {@code port} already belongs to someone
   */
  boolean claim(int port, String owner);

  /** The ports {@code owner} holds, in ascending order; empty when none. */
  List<Integer> portsOf(String owner);

  /** Frees {@code owner}'s ports; harmless when it holds none. */
  void release(String owner);
}
