package io.flops.manager.orchestration.oakestra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoundRobinIpsTest {

  @Test
  void sameNameGetsTheSameIpAndNamesNeverCollide() {
    RoundRobinIps ips = new RoundRobinIps(new InMemoryIpAllocationStore());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      String ip = ips.allocate("svc" + i);
      assertThat(ip).matches("10\\.30\\.(\\d{1,3})\\.(\\d{1,3})");
      int third = Integer.parseInt(ip.split("\\.")[2]);
      int fourth = Integer.parseInt(ip.split("\\.")[3]);
      assertThat(third).isBetween(0, 255);
      assertThat(fourth).isBetween(1, 254);
      assertThat(seen.add(ip)).as("collision at " + ip).isTrue();
    }
    assertThat(ips.allocate("svc7")).isEqualTo(ips.allocate("svc7"));
  }

  @Test
  void allocationIsDeterministicAcrossStoresAndSurvivesRelease() {
    String first = new RoundRobinIps(new InMemoryIpAllocationStore()).allocate("aggr7f3e21");
    RoundRobinIps ips = new RoundRobinIps(new InMemoryIpAllocationStore());

    assertThat(ips.allocate("aggr7f3e21")).isEqualTo(first);
    ips.release("aggr7f3e21");
    assertThat(ips.allocate("aggr7f3e21")).isEqualTo(first);
  }

  @Test
  void takenIpMovesToTheNextFreeOne() {
    InMemoryIpAllocationStore store = new InMemoryIpAllocationStore();
    String preferred = new RoundRobinIps(new InMemoryIpAllocationStore()).allocate("observ1");
    store.claim(preferred, "someone-else");

    String ip = new RoundRobinIps(store).allocate("observ1");

    assertThat(ip).isNotEqualTo(preferred).startsWith("10.30.");
  }
}
