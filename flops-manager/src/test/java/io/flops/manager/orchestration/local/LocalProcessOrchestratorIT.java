package io.flops.manager.orchestration.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.orchestration.Orchestrator;
import io.flops.common.orchestration.OrchestratorContract;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.orchestration.ServiceKind;
import io.flops.common.orchestration.ServiceSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The local-process orchestrator passes the contract with the test application's image. */
class LocalProcessOrchestratorIT extends OrchestratorContract {

  @TempDir static Path dir;
  private static LocalProcessOrchestrator orchestrator;

  @BeforeAll
  static void start() throws Exception {
    orchestrator = LocalFixture.create(dir);
  }

  @AfterAll
  static void stop() {
    orchestrator.close();
    assertThat(orchestrator.livePids()).isEmpty();
  }

  @Override
  protected Orchestrator orchestrator() {
    return orchestrator;
  }

  @Override
  protected ServiceSpec longRunning(String name) {
    return LocalFixture.spec(
        name, ServiceKind.AGGREGATOR, Map.of("TEST_BEHAVIOUR", "serve"), List.of(8080), false);
  }

  @Override
  protected ServiceSpec oneShot(String name, int exitCode) {
    return LocalFixture.spec(
        name,
        ServiceKind.LEARNER,
        Map.of("TEST_BEHAVIOUR", "exit", "TEST_EXIT_CODE", Integer.toString(exitCode)),
        List.of(),
        true);
  }

  @Override
  protected void assertReachable(ServiceAddress address) {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(address.host(), address.ports().get(8080)), 500);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("ok");
        return;
      } catch (java.io.IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Nothing answers at " + address, notYet);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }
}
