package io.flops.common.fl;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learner side of the FL protocol: connects to the aggregator (retrying with exponential
 * backoff until it is up), registers, and serves its instructions with an {@link
 * InstructionHandler} until the aggregator says the training is finished. A lost stream is
 * reopened, so a learner stays with its aggregator across hierarchical cycles and restarts.
 */
public final class FlClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FlClient.class);

  private final FlClientSettings settings;
  private final ManagedChannel channel;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final ExecutorService worker;
  private volatile ClientSession current;
  private volatile boolean closed;

  /** A learner with its own heartbeat thread. */
  public FlClient(FlClientSettings settings) {
    this(settings, null);
  }

  /**
   * A learner whose heartbeats run on {@code heartbeats} (shared by many simulated learners in one
   * JVM; not shut down by {@link #close}), or on a thread of its own when {@code null}.
   */
  public FlClient(FlClientSettings settings, ScheduledExecutorService heartbeats) {
    this.settings = settings;
    FlAccess access = settings.access();
    ManagedChannelBuilder<?> builder =
        Grpc.newChannelBuilder(settings.target(), access.channelCredentials())
            .intercept(access.clientInterceptor())
            .maxInboundMessageSize(2 * ParameterChunks.MAX_CHUNK_BYTES);
    if (access.channelAuthority() != null) {
      builder.overrideAuthority(access.channelAuthority());
    }
    this.channel = builder.build();
    this.ownScheduler = heartbeats == null;
    this.scheduler =
        ownScheduler
            ? Executors.newSingleThreadScheduledExecutor(daemon("fl-heartbeat-" + settings.name()))
            : heartbeats;
    this.worker = Executors.newSingleThreadExecutor(daemon("fl-worker-" + settings.name()));
  }

  /**
   * Serves {@code handler} until the aggregator finishes the training.
   *
   * @return the aggregator's final word
   * @throws InterruptedException if interrupted, or {@link IllegalStateException} once closed
   */
  public Finished run(InstructionHandler handler) throws InterruptedException {
    Duration backoff = settings.initialBackoff();
    while (!closed) {
      ClientSession session = open(handler);
      try {
        return session.outcome().get();
      } catch (ExecutionException lost) {
        if (closed) {
          break;
        }
        Status status = Status.fromThrowable(lost.getCause());
        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
          throw new FatalLearnerException(
              "Aggregator "
                  + settings.target()
                  + " refused learner "
                  + settings.name()
                  + ": "
                  + status.getDescription(),
              lost.getCause());
        }
        if (session.wasWelcomed()) {
          backoff = settings.initialBackoff();
        }
        log.info(
            "Stream to aggregator {} lost ({}); retrying in {} ms",
            settings.target(),
            lost.getCause().getMessage(),
            backoff.toMillis());
        Thread.sleep(backoff.toMillis());
        backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
      }
    }
    throw new IllegalStateException("Learner " + settings.name() + " was closed");
  }

  /**
   * Tells the aggregator that this learner cannot take part at all, retrying the connection for at
   * most {@code within}.
   *
   * @return whether the aggregator received the failure
   */
  public boolean reportFatal(String message, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    Duration backoff = settings.initialBackoff();
    while (!closed && System.nanoTime() < deadline) {
      ClientSession session = open(new RefusingHandler(message));
      try {
        long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        session.welcome().get(left, TimeUnit.MILLISECONDS);
        session.failFatally(message);
        return true;
      } catch (ExecutionException | TimeoutException e) {
        session.abandon("retrying");
      }
      Thread.sleep(backoff.toMillis());
      backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
    }
    return false;
  }

  /** Drops the connection at once, as a crashed learner would, and stops serving. */
  @Override
  public void close() {
    closed = true;
    ClientSession session = current;
    if (session != null) {
      session.abandon("learner closed");
    }
    channel.shutdownNow();
    if (ownScheduler) {
      scheduler.shutdownNow();
    }
    worker.shutdownNow();
  }

  private ClientSession open(InstructionHandler handler) {
    ClientSession session = new ClientSession(settings, handler, worker);
    current = session;
    session.start(channel, scheduler);
    return session;
  }

  /** Answers every instruction with the fatal failure that keeps this learner out. */
  private record RefusingHandler(String message) implements InstructionHandler {
    @Override
    public FitAnswer fit(float[] parameters, Instruction instruction) {
      throw new IllegalStateException(message);
    }

    @Override
    public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) {
      throw new IllegalStateException(message);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
