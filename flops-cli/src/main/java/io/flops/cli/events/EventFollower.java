package io.flops.cli.events;

import io.flops.cli.client.ManagerApiException;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectView;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.observer.SequencedEvent;
import io.flops.common.observer.ServerSentEventReader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads a project's events from the manager: the ones kept so far ({@code GET .../events?since=}),
 * and, when following, each new one from the server-sent-event stream ({@code
 * .../events/stream?since=}) until the project ended. A stream the manager closes (its stream
 * timeout) or loses is reopened after the last event seen, so no event is shown twice or missed.
 */
public final class EventFollower {

  private static final int TOLERATED_FAILURES = 10;

  private final ManagerClient manager;
  private final Duration retryPause;

  /**
   * @param manager the manager's API
   * @param retryPause the pause before reopening a lost stream
   */
  public EventFollower(ManagerClient manager, Duration retryPause) {
    this.manager = manager;
    this.retryPause = retryPause;
  }

  /**
   * Hands the project's events after position {@code since} to {@code consumer}, in order.
   *
   * @param follow keep handing over new events until the project ended
   * @throws ManagerApiException when the project is unknown or the manager stops answering
   */
  public void read(String id, long since, boolean follow, Consumer<SequencedEvent> consumer) {
    ProjectView project = manager.project(id);
    AtomicLong last = new AtomicLong(since);
    drain(id, last, consumer);
    if (!follow || project.state().isTerminal()) {
      return;
    }
    int failures = 0;
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (streamUntilEnd(id, last, consumer) || manager.project(id).state().isTerminal()) {
          drain(id, last, consumer);
          return;
        }
        failures = 0;
      } catch (ManagerApiException e) {
        if (e.status() != 0 || ++failures > TOLERATED_FAILURES) {
          throw e;
        }
        pause();
      }
    }
  }

  /** True when the event reports a transition into a terminal project state. */
  static boolean endsProject(SequencedEvent event) {
    if (event.kind() != Kind.STATE || event.data().get("to") == null) {
      return false;
    }
    try {
      return ProjectState.valueOf(event.data().get("to").toString()).isTerminal();
    } catch (IllegalArgumentException unknownState) {
      return false;
    }
  }

  private void drain(String id, AtomicLong last, Consumer<SequencedEvent> consumer) {
    manager.events(id, last.get()).events().forEach(event -> handOver(event, last, consumer));
  }

  /** Follows one stream; true when it showed the project's end, false when the stream ended. */
  private boolean streamUntilEnd(String id, AtomicLong last, Consumer<SequencedEvent> consumer) {
    CompletableFuture<Void> ended = new CompletableFuture<>();
    ServerSentEventReader reader =
        new ServerSentEventReader(
            event -> {
              handOver(event, last, consumer);
              if (endsProject(event)) {
                ended.complete(null);
              }
            });
    CompletableFuture<Void> stream = manager.streamEvents(id, last.get(), reader);
    try {
      CompletableFuture.anyOf(stream, ended).join();
      return ended.isDone();
    } catch (CompletionException e) {
      if (e.getCause() instanceof ManagerApiException failure) {
        throw failure;
      }
      throw new ManagerApiException(
          "The event stream of project " + id + " failed: " + e.getCause(), 0, e.getCause());
    } finally {
      reader.cancel();
    }
  }

  private static void handOver(
      SequencedEvent event, AtomicLong last, Consumer<SequencedEvent> consumer) {
    synchronized (last) {
      if (event.seq() > last.get()) {
        consumer.accept(event);
        last.set(event.seq());
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(retryPause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
