package io.flops.manager.orchestration.local;

import io.flops.common.orchestration.ServiceKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A stand-in manager JVM for {@link ManagerKilledIT}: deploys 3 long-running and 2 one-shot
 * services, prints the process ids of their whole process trees, then waits to be killed.
 */
public final class LocalOrchestratorHost {

  private LocalOrchestratorHost() {}

  public static void main(String[] args) throws Exception {
    LocalProcessOrchestrator orchestrator = LocalFixture.create(Path.of(args[0]));
    for (int i = 0; i < 3; i++) {
      orchestrator.deploy(
          LocalFixture.spec(
              "longrunning" + i,
              ServiceKind.AGGREGATOR,
              Map.of("TEST_BEHAVIOUR", "serve"),
              List.of(8080),
              false));
    }
    for (int i = 0; i < 2; i++) {
      orchestrator.deploy(
          LocalFixture.spec(
              "oneshot" + i,
              ServiceKind.LEARNER,
              Map.of("TEST_BEHAVIOUR", "exit", "TEST_DELAY_MS", "600000"),
              List.of(),
              true));
    }
    Thread.sleep(3000);
    StringBuilder pids = new StringBuilder("PIDS");
    for (long pid : orchestrator.livePids()) {
      pids.append(' ').append(pid);
      ProcessHandle.of(pid)
          .ifPresent(h -> h.descendants().forEach(d -> pids.append(' ').append(d.pid())));
    }
    System.out.println(pids);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
