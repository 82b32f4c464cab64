package io.flops.aggregator.server;

import io.flops.common.fl.Register;
import io.flops.common.fl.Welcome;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The learners currently connected to this aggregator, in the order they joined, and the {@link
 * UpdateMemory} their updates share. Listeners hear of joins and departures in order on a thread of
 * the pool's own, never on gRPC's event loops (publishing an event may block).
 */
public final class LearnerPool {

  private final Duration heartbeatInterval;
  private final UpdateMemory memory;
  private final Map<String, LearnerSession> active = new LinkedHashMap<>();
  private final Map<String, Integer> namesSeen = new HashMap<>();
  private final List<PoolListener> listeners = new CopyOnWriteArrayList<>();
  private final Executor notifications =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          runnable -> {
            Thread thread = new Thread(runnable, "fl-pool-events");
            thread.setDaemon(true);
            return thread;
          });
  private String fatalFailure;
  private Boolean finishedWithSuccess;
  private String finishedMessage;

  /**
   * @param heartbeatInterval told to each learner at registration
   */
  public LearnerPool(Duration heartbeatInterval) {
    this(heartbeatInterval, UpdateMemory.DEFAULT_CAPACITY);
  }

  /**
   * @param heartbeatInterval told to each learner at registration
   * @param updateMemory the most bytes of learner updates held at once ({@link UpdateMemory})
   */
  public LearnerPool(Duration heartbeatInterval, long updateMemory) {
    this.heartbeatInterval = heartbeatInterval;
    this.memory = new UpdateMemory(updateMemory);
  }

  /** The memory the learners' updates are received into. */
  public UpdateMemory memory() {
    return memory;
  }

  /** Gives back the memory {@code reply} held, once it is aggregated or dropped. */
  public void release(FitReply reply) {
    memory.release(reply.heldBytes());
  }

  public void addListener(PoolListener listener) {
    listeners.add(listener);
  }

  /** The connected learners, oldest first. */
  public synchronized List<LearnerSession> active() {
    return List.copyOf(active.values());
  }

  /** The first fatal failure a learner reported, as "{@code <learner>}: {@code <message>}". */
  public synchronized Optional<String> fatalFailure() {
    return Optional.ofNullable(fatalFailure);
  }

  /**
   * Waits until at least {@code count} learners are connected, a learner failed fatally, or {@code
   * timeout} passed.
   *
   * @return the number connected when it returns
   */
  public synchronized int awaitAtLeast(int count, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (active.size() < count && fatalFailure == null) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        break;
      }
      wait(left);
    }
    return active.size();
  }

  /**
   * Ends the training for every connected learner; learners that connect afterwards are told at
   * once, so they stop instead of waiting.
   */
  public void finishAll(boolean success, String message) {
    synchronized (this) {
      finishedWithSuccess = success;
      finishedMessage = message;
    }
    active().forEach(session -> session.finish(success, message));
  }

  /** Ends {@code session} at once if the training is already over. */
  void finishIfOver(LearnerSession session) {
    boolean success;
    String message;
    synchronized (this) {
      if (finishedWithSuccess == null) {
        return;
      }
      success = finishedWithSuccess;
      message = finishedMessage;
    }
    session.finish(success, message);
  }

  /** Sends heartbeats, and drops learners silent for longer than {@code livenessTimeout}. */
  public void checkLiveness(Duration livenessTimeout) {
    long now = System.currentTimeMillis();
    for (LearnerSession session : active()) {
      long silent = now - session.lastHeard();
      if (silent > livenessTimeout.toMillis()) {
        session.drop("silent for " + silent + " ms");
      } else {
        session.heartbeat();
      }
    }
  }

  synchronized String register(LearnerSession session, Register registration) {
    String name = registration.getName().isBlank() ? "learner" : registration.getName();
    int seen = namesSeen.merge(name, 1, Integer::sum);
    String id = seen == 1 ? name : name + "#" + seen;
    active.put(id, session);
    notifyAll();
    notify(l -> l.joined(id));
    return id;
  }

  Welcome welcome(String id) {
    return Welcome.newBuilder()
        .setLearnerId(id)
        .setHeartbeatIntervalMs(heartbeatInterval.toMillis())
        .build();
  }

  synchronized void remove(LearnerSession session, String reason, boolean finished) {
    if (session.id() != null && active.remove(session.id(), session)) {
      notifyAll();
      if (finished) {
        notify(l -> l.finished(session.id()));
      } else {
        notify(l -> l.left(session.id(), reason));
      }
    }
  }

  synchronized void fatal(LearnerSession session, String message) {
    if (fatalFailure == null) {
      fatalFailure = session.id() + ": " + message;
    }
    notifyAll();
    notify(l -> l.failed(session.id(), message));
  }

  private void notify(Consumer<PoolListener> event) {
    notifications.execute(() -> listeners.forEach(event));
  }
}
