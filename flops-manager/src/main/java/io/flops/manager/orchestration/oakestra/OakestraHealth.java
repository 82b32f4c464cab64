package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.Cluster;
import java.util.List;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code oakestra}: UP when the manager can log in and Oakestra
 * has active clusters, DOWN with the reason otherwise (wrong credentials, Oakestra down, no
 * cluster), so an operator sees a broken set-up at start-up rather than in the first project.
 */
class OakestraHealth extends AbstractHealthIndicator {

  private final OakestraOrchestrator oakestra;

  OakestraHealth(OakestraOrchestrator oakestra) {
    super("Oakestra cannot be used");
    this.oakestra = oakestra;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    List<Cluster> clusters = oakestra.check();
    if (clusters.isEmpty()) {
      builder.down().withDetail("reason", "Oakestra has no active cluster to run services on");
    } else {
      builder.up().withDetail("activeClusters", clusters.stream().map(Cluster::name).toList());
    }
  }
}
