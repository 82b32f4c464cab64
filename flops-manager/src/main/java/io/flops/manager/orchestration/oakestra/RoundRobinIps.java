package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.OrchestrationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Chooses Oakestra round-robin service IPs in {@code 10.30.0.0/16}: the start address is a hash of
 * the service name (so the same name gets the same IP when it is free), then the next free one.
 * Last octets 0 and 255 are skipped.
 */
final class RoundRobinIps {

  private static final int HOSTS_PER_BLOCK = 254;
  private static final int CANDIDATES = 256 * HOSTS_PER_BLOCK;

  private final IpAllocationStore store;

  RoundRobinIps(IpAllocationStore store) {
    this.store = store;
  }

  /** The IP of {@code serviceName}, allocating one when it holds none. */
  synchronized String allocate(String serviceName) {
    String existing = store.ipOf(serviceName).orElse(null);
    if (existing != null) {
      return existing;
    }
    int start = Math.floorMod(hash(serviceName), CANDIDATES);
    for (int i = 0; i < CANDIDATES; i++) {
      String ip = candidate((start + i) % CANDIDATES);
      if (store.claim(ip, serviceName)) {
        return ip;
      }
    }
    throw new OrchestrationException(
        "No free round-robin IP in 10.30.0.0/16 is left for service " + serviceName);
  }

  void release(String serviceName) {
    store.release(serviceName);
  }

  static String candidate(int index) {
    return "10.30." + index / HOSTS_PER_BLOCK + "." + (index % HOSTS_PER_BLOCK + 1);
  }

  private static int hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return ((digest[0] & 0xff) << 24)
          | ((digest[1] & 0xff) << 16)
          | ((digest[2] & 0xff) << 8)
          | (digest[3] & 0xff);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
