package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.api.ProjectState;
import io.flops.common.sla.SlaJson;
import io.flops.manager.support.InMemoryProjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes start from the store's copy of the last save, and still never lose anyone's change. */
class ProjectStoreTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

  private final InMemoryProjectStore stores = new InMemoryProjectStore();

  @AfterEach
  void close() {
    stores.close();
  }

  private static Project accepted(String id) {
    return Project.accept(
        id,
        SlaJson.readProject(
            """
            {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r",
             "training_configuration":{"data_tags":["m"]}}"""
                .getBytes(StandardCharsets.UTF_8)),
        CLOCK.instant());
  }

  @Test
  void aChangeByAnotherManagerBetweenTwoChangesIsKept() {
    ProjectStore mine = stores.store(CLOCK);
    ProjectStore theirs = stores.store(CLOCK);
    mine.create(accepted("p1"));
    mine.change("p1", p -> p.setObserverUrl("http://mine"));

    theirs.change("p1", p -> p.setTrackingUri("http://theirs"));
    Project saved = mine.change("p1", p -> p.setObserverUrl("http://mine-again")).orElseThrow();

    assertThat(saved.getTrackingUri())
        .as("their change, read again after the version check")
        .isEqualTo("http://theirs");
    assertThat(saved.getObserverUrl()).isEqualTo("http://mine-again");
    Project stored = stores.repository().findById("p1").orElseThrow();
    assertThat(stored.getTrackingUri()).isEqualTo("http://theirs");
    assertThat(stored.getObserverUrl()).isEqualTo("http://mine-again");
  }

  @Test
  void aChangeThatThrowsLeavesNothingOfItsWorkBehind() {
    ProjectStore store = stores.store(CLOCK);
    store.create(accepted("p2"));
    try {
      store.change(
          "p2",
          p -> {
            p.setObserverUrl("http://half-done");
            throw new IllegalStateException("boom");
          });
    } catch (IllegalStateException expected) {
      // the change failed
    }
    Project next = store.change("p2", p -> p.setTrackingUri("http://t")).orElseThrow();
    assertThat(next.getObserverUrl()).isNull();
    assertThat(stores.repository().findById("p2").orElseThrow().getObserverUrl()).isNull();
  }

  @Test
  void eachChangeWorksOnItsOwnObjectAndAfterADeleteTheProjectIsGone() {
    ProjectStore store = stores.store(CLOCK);
    Project created = store.create(accepted("p3"));
    Project first = store.change("p3", p -> p.setObserverUrl("http://1")).orElseThrow();
    Project second = store.change("p3", p -> p.setObserverUrl("http://2")).orElseThrow();
    assertThat(second).isNotSameAs(first).isNotSameAs(created);
    assertThat(first.getObserverUrl())
        .as("a saved project handed out never changes")
        .isEqualTo("http://1");
    assertThat(second.getState()).isEqualTo(ProjectState.ACCEPTED);

    store.deleteAll();
    assertThat(store.change("p3", p -> p.setObserverUrl("http://3"))).isEmpty();
  }
}
