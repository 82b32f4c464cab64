package io.flops.manager.orchestration.oakestra;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps round-robin IP allocations in memory (tests, and setups without persistence). */
public final class InMemoryIpAllocationStore implements IpAllocationStore {

  private final Map<String, String> ownerByIp = new ConcurrentHashMap<>();

  @Override
  public boolean claim(String ip, String owner) {
    return ownerByIp.putIfAbsent(ip, owner) == null;
  }

  @Override
  public Optional<String> ipOf(String owner) {
    return ownerByIp.entrySet().stream()
        .filter(e -> e.getValue().equals(owner))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  @Override
  public void release(String owner) {
    ownerByIp.values().removeIf(owner::equals);
  }
}
