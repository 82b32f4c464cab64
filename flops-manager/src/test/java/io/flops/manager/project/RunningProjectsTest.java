package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.ProjectState;
import io.flops.common.sla.SlaJson;
import io.flops.manager.support.InMemoryProjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A customer's quota of projects that have not ended, kept as one count per customer. */
class RunningProjectsTest {

  private final InMemoryProjectStore stores = new InMemoryProjectStore();
  private final RunningProjects running = new RunningProjects(stores.template());

  @AfterEach
  void close() {
    stores.close();
  }

  @Test
  void concurrentRequestsNeverTakeMorePlacesThanTheLimit() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Callable<Boolean> take = () -> running.tryTake("busy", 5);
        tries.add(clients.submit(take));
      }
      int taken = 0;
      for (Future<Boolean> attempt : tries) {
        taken += attempt.get() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(5);
    } finally {
      clients.shutdownNow();
    }
    assertThat(running.of("busy")).isEqualTo(5);
    assertThat(running.tryTake("calm", 5)).as("another customer's count").isTrue();
  }

  @Test
  void anEndedProjectGivesItsPlaceBackAndTheCountNeverGoesBelowZero() {
    assertThat(running.tryTake("c", 1)).isTrue();
    assertThat(running.tryTake("c", 1)).isFalse();

    running.ended(project("p1", "c"));
    assertThat(running.of("c")).isZero();
    assertThat(running.tryTake("c", 1)).isTrue();
    running.giveBack("c");
    running.giveBack("c");
    assertThat(running.of("c")).isZero();
  }

  @Test
  void theCountsAreRecountedFromTheProjectsThatHaveNotEnded() {
    ProjectStore store = stores.store(java.time.Clock.systemUTC());
    store.create(project("a1", "alice"));
    store.create(project("a2", "alice"));
    store.create(project("b1", "bob"));
    store.change(
        "a2", p -> p.enter(ProjectState.CANCELLED, Trigger.CANCEL, "x", null, Instant.now()));
    running.tryTake("alice", 100);
    running.tryTake("carol", 100);

    running.recount();

    assertThat(running.of("alice")).isEqualTo(1);
    assertThat(running.of("bob")).isEqualTo(1);
    assertThat(running.of("carol")).isZero();
  }

  private static Project project(String id, String customer) {
    return Project.accept(
        id,
        SlaJson.readProject(
            """
            {"customerID":"%s","ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r",
             "training_configuration":{"data_tags":["m"]}}"""
                .formatted(customer)
                .getBytes(StandardCharsets.UTF_8)),
        Instant.now());
  }
}
