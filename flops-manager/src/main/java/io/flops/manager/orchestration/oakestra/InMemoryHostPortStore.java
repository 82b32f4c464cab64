package io.flops.manager.orchestration.oakestra;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps host port allocations in memory (tests, and setups without persistence). */
public final class InMemoryHostPortStore implements HostPortStore {

  private final Map<Integer, String> ownerByPort = new ConcurrentHashMap<>();

  @Override
  public boolean claim(int port, String owner) {
    return ownerByPort.putIfAbsent(port, owner) == null;
  }

  @Override
  public List<Integer> portsOf(String owner) {
    return ownerByPort.entrySet().stream()
        .filter(e -> e.getValue().equals(owner))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  @Override
  public void release(String owner) {
    ownerByPort.values().removeIf(owner::equals);
  }
}
