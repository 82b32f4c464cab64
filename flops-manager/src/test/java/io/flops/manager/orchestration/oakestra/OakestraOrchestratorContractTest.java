package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.OrchestratorContract;
import io.flops.common.orchestration.Placement;
import io.flops.common.orchestration.Resources;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.orchestration.OrchestratorProperties;
import io.flops.manager.orchestration.oakestra.FakeOakestra.Behaviour;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The Oakestra adapter passes the contract against WireMock answering with the recorded documents.
 * The application is found through {@code /api/user/<name>} and the user's application list, as
 * after a manager restart.
 */
class OakestraOrchestratorContractTest extends OrchestratorContract {

  private static WireMockServer server;
  private static FakeOakestra oakestra;
  private static OakestraOrchestrator orchestrator;

  @BeforeAll
  static void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    oakestra = new FakeOakestra(server);
    OrchestratorProperties.Oakestra settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(server.baseUrl());
    orchestrator =
        OakestraOrchestratorConfiguration.create(
            settings, new InMemoryIpAllocationStore(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Override
  protected Orchestrator orchestrator() {
    return orchestrator;
  }

  @Override
  protected Duration timeout() {
    return Duration.ofSeconds(10);
  }

  @Override
  protected ServiceSpec longRunning(String name) {
    oakestra.service(name, Behaviour.RUN);
    return spec(name, List.of(8080), false);
  }

  @Override
  protected ServiceSpec oneShot(String name, int exitCode) {
    oakestra.service(name, exitCode == 0 ? Behaviour.EXIT_0 : Behaviour.EXIT_1);
    return spec(name, List.of(), true);
  }

  private static ServiceSpec spec(String name, List<Integer> ports, boolean oneShot) {
    return new ServiceSpec(
        name,
        ServiceKind.AGGREGATOR,
        Recordings.APP_ID,
        "proj1a2b3c",
        "192.168.1.10:5073/owner/repo/aggregator:abc123",
        List.of(),
        Map.of(),
        ports,
        new Resources(100, 1, 0),
        Placement.ANYWHERE,
        oneShot,
        false,
        1);
  }
}
