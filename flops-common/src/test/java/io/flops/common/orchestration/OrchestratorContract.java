package io.flops.common.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Orchestrator} adapter passes (as spring-cloud-deployer's spi-test kit):
 * an adapter's test extends this class and says how to make its test services.
 */
public abstract class OrchestratorContract {

  private final List<String> deployed = new ArrayList<>();

  /** The adapter under test. */
  protected abstract Orchestrator orchestrator();

  /** A long-running service named {@code name} that listens on container port 8080. */
  protected abstract ServiceSpec longRunning(String name);

  /** A one-shot service named {@code name} that ends with {@code exitCode}. */
  protected abstract ServiceSpec oneShot(String name, int exitCode);

  /** Checks that a running instance answers at {@code address}; adapters that can, override. */
  protected void assertReachable(ServiceAddress address) {}

  /** How long a state change may take on this adapter. */
  protected Duration timeout() {
    return Duration.ofSeconds(60);
  }

  @AfterEach
  void undeployEverything() {
    deployed.forEach(id -> orchestrator().undeploy(id));
  }

  @Test
  void deployedServiceRunsAndIsUndeployed() {
    String id = deploy(longRunning(name("run")));

    DeploymentStatus running = awaitStatus(id, s -> s.state() == DeploymentState.RUNNING);
    assertThat(running.instances()).hasSize(1);
    ServiceAddress address = orchestrator().address(id, 0);
    assertThat(address.ports()).containsKey(8080);
    assertReachable(address);
    Optional<ServiceAddress> outside = orchestrator().publicAddress(id, 0);
    assertThat(outside).as("the address users reach a running instance at").isPresent();
    assertThat(outside.get().ports()).containsKey(8080);
    assertReachable(outside.get());

    orchestrator().undeploy(id);
    assertThat(awaitStatus(id, s -> s.state().isTerminal()).state())
        .isEqualTo(DeploymentState.UNDEPLOYED);
  }

  @Test
  void unknownIdIsReportedAsUnknown() {
    assertThat(orchestrator().status("66f1a2b5c4d5e6f7081900ff").state())
        .isEqualTo(DeploymentState.UNKNOWN);
  }

  @Test
  void oneShotThatExitsWithZeroCompletes() {
    String id = deploy(oneShot(name("ok"), 0));

    assertThat(awaitStatus(id, s -> s.state().isTerminal()).state())
        .isEqualTo(DeploymentState.COMPLETED);
  }

  @Test
  void oneShotThatExitsWithOneFails() {
    ServiceSpec spec = oneShot(name("fail"), 1);
    String id = deploy(spec);

    DeploymentStatus status = awaitStatus(id, s -> s.state().isTerminal());
    assertThat(status.state()).isEqualTo(DeploymentState.FAILED);
    assertThat(status.message()).contains(spec.name());
  }

  @Test
  void sameNameTwiceIsRejected() {
    ServiceSpec spec = longRunning(name("dup"));
    deploy(spec);

    assertThatThrownBy(() -> deploy(spec))
        .isInstanceOf(OrchestrationException.class)
        .hasMessageContaining(spec.name());
  }

  @Test
  void undeployingAnUnknownIdIsHarmless() {
    orchestrator().undeploy("66f1a2b5c4d5e6f7081900fe");

    assertThat(orchestrator().status("66f1a2b5c4d5e6f7081900fe").state())
        .isEqualTo(DeploymentState.UNKNOWN);
  }

  @Test
  void scalesUpAndDown() {
    String id = deploy(longRunning(name("scale")));
    awaitStatus(id, s -> s.state() == DeploymentState.RUNNING);

    orchestrator().scale(id, 3);
    awaitStatus(id, s -> runningInstances(s) == 3);

    orchestrator().scale(id, 1);
    DeploymentStatus scaledDown = awaitStatus(id, s -> runningInstances(s) == 1);
    assertThat(scaledDown.state()).isEqualTo(DeploymentState.RUNNING);
    assertThat(scaledDown.instances())
        .filteredOn(i -> i.state() == DeploymentState.RUNNING)
        .hasSize(1);
  }

  /** Deploys and remembers the id for clean-up. */
  protected String deploy(ServiceSpec spec) {
    String id = orchestrator().deploy(spec);
    deployed.add(id);
    return id;
  }

  /** A fresh alphanumeric service name (Oakestra allows [a-zA-Z0-9]{1,30}). */
  protected static String name(String prefix) {
    return "c" + prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
  }

  private static long runningInstances(DeploymentStatus status) {
    return status.instances().stream().filter(i -> i.state() == DeploymentState.RUNNING).count();
  }

  /** Polls until {@code condition} holds; fails with the last status otherwise. */
  protected DeploymentStatus awaitStatus(String id, Predicate<DeploymentStatus> condition) {
    long deadline = System.nanoTime() + timeout().toNanos();
    DeploymentStatus status = orchestrator().status(id);
    while (!condition.test(status)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out; last status of " + id + ": " + status);
      }
      sleep(200);
      status = orchestrator().status(id);
    }
    return status;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
