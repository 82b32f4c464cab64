package io.flops.manager.orchestration.oakestra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.orchestration.OrchestrationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host ports come from the configured range, one set per service, until it is released. */
class HostPortsTest {

  private final HostPortStore store = new InMemoryHostPortStore();
  private final HostPorts ports = new HostPorts(store, 30000, 30002);

  @Test
  void twoServicesWithTheSameContainerPortGetDifferentHostPorts() {
    assertThat(ports.allocate("observp1", List.of(2727))).containsEntry(2727, 30000);
    assertThat(ports.allocate("observp2", List.of(2727))).containsEntry(2727, 30001);
  }

  @Test
  void aServiceKeepsItsPortsAcrossAllocatorsOverTheSameStore() {
    ports.allocate("observp1", List.of(2727));

    assertThat(new HostPorts(store, 30000, 30002).allocate("observp1", List.of(2727)))
        .containsEntry(2727, 30000);
  }

  @Test
  void releasedPortsAreGivenAgainAndAFullRangeIsRefused() {
    ports.allocate("observp1", List.of(2727));
    ports.allocate("trmodelp1", List.of(8080, 8081));

    assertThatThrownBy(() -> ports.allocate("observp2", List.of(2727)))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining("No free host port in 30000-30002")
        .hasMessageContaining("host-port-min/max");
    ports.release("observp1");
    assertThat(ports.allocate("observp2", List.of(2727))).containsEntry(2727, 30000);
  }

  @Test
  void anEmptyRangeIsRefused() {
    assertThatThrownBy(() -> new HostPorts(store, 31000, 30000))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
