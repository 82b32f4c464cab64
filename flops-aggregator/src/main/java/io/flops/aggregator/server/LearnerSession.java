package io.flops.aggregator.server;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.EvaluateResult;
import io.flops.common.fl.Failure;
import io.flops.common.fl.Finished;
import io.flops.common.fl.FitResult;
import io.flops.common.fl.Heartbeat;
import io.flops.common.fl.LearnerMessage;
import io.flops.common.fl.ParameterAssembler;
import io.flops.common.fl.ParameterChunk;
import io.flops.common.fl.StreamSender;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The aggregator's end of one learner's stream: sends instructions with their parameters as the
 * stream's flow control allows, and completes a future per instruction when the learner's answer
 * (and its parameter chunks) arrived. It reads the learner's messages one at a time; an update that
 * does not fit the pool's {@link UpdateMemory} waits, unread, until room is given back. A learner
 * that disconnects, goes silent or fails fails its pending instructions.
 */
public final class LearnerSession implements StreamObserver<LearnerMessage> {

  private final LearnerPool pool;
  private final ServerCallStreamObserver<AggregatorMessage> call;
  private final StreamSender<AggregatorMessage> sender;
  private final Map<Long, PendingFit> fits = new HashMap<>();
  private final Map<Long, CompletableFuture<EvaluationReply>> evaluations = new HashMap<>();
  private final Map<Long, PartialFit> partialFits = new HashMap<>();
  private final Runnable resume = this::resume;
  private FitResult held;
  private volatile long lastHeard = System.currentTimeMillis();
  private volatile String id;
  private volatile boolean ended;

  LearnerSession(LearnerPool pool, StreamObserver<AggregatorMessage> responses) {
    this.pool = pool;
    this.call =
        responses instanceof ServerCallStreamObserver<AggregatorMessage> server ? server : null;
    if (call != null) {
      call.disableAutoRequest();
    }
    this.sender = new StreamSender<>(responses);
    requestNext();
  }

  /** The id given at registration ({@code <name>} or {@code <name>#<n>} for a repeated name). */
  public String id() {
    return id;
  }

  /** When it was last heard from; now while its update waits for memory (it cannot be heard). */
  synchronized long lastHeard() {
    return held != null ? System.currentTimeMillis() : lastHeard;
  }

  /** Sends a fit instruction; the future fails with {@link LearnerFailureException}. */
  public CompletableFuture<FitReply> fit(OutgoingInstruction outgoing) {
    CompletableFuture<FitReply> reply = new CompletableFuture<>();
    synchronized (this) {
      fits.put(
          outgoing.instruction().getInstructionId(),
          new PendingFit(reply, outgoing.instruction().getParameterCount()));
    }
    send(outgoing, reply);
    return reply;
  }

  /** Sends an evaluate instruction; the future fails with {@link LearnerFailureException}. */
  public CompletableFuture<EvaluationReply> evaluate(OutgoingInstruction outgoing) {
    CompletableFuture<EvaluationReply> reply = new CompletableFuture<>();
    synchronized (this) {
      evaluations.put(outgoing.instruction().getInstructionId(), reply);
    }
    send(outgoing, reply);
    return reply;
  }

  /** Tells the learner the training is over and closes the stream. */
  public void finish(boolean success, String message) {
    sender.sendFirst(
        AggregatorMessage.newBuilder()
            .setFinished(Finished.newBuilder().setSuccess(success).setMessage(message))
            .build());
    sender.complete();
    end("training finished", true);
  }

  void heartbeat() {
    sender.sendFirst(
        AggregatorMessage.newBuilder()
            .setHeartbeat(Heartbeat.newBuilder().setSentAtMs(System.currentTimeMillis()))
            .build());
  }

  /** Gives up on this learner: cancels its stream and fails what it owes. */
  void drop(String reason) {
    sender.fail(Status.UNAVAILABLE.withDescription(reason).asRuntimeException());
    end(reason, false);
  }

  @Override
  public synchronized void onNext(LearnerMessage message) {
    lastHeard = System.currentTimeMillis();
    switch (message.getBodyCase()) {
      case REGISTER -> {
        id = pool.register(this, message.getRegister());
        sender.send(AggregatorMessage.newBuilder().setWelcome(pool.welcome(id)).build());
        pool.finishIfOver(this);
      }
      case FIT_RESULT -> {
        if (!receive(message.getFitResult())) {
          return;
        }
      }
      case CHUNK -> receive(message.getChunk());
      case EVALUATE_RESULT -> receive(message.getEvaluateResult());
      case FAILURE -> receive(message.getFailure());
      default -> {}
    }
    requestNext();
  }

  @Override
  public void onError(Throwable error) {
    end("disconnected (" + Status.fromThrowable(error).getCode() + ")", false);
  }

  @Override
  public void onCompleted() {
    sender.complete();
    end("closed its stream", false);
  }

  private void send(OutgoingInstruction outgoing, CompletableFuture<?> reply) {
    if (!sender.send(outgoing.messages()) || ended) {
      reply.completeExceptionally(new LearnerFailureException(id + " is disconnected"));
    }
  }

  /** Starts receiving an update; {@code false} when it waits for memory (nothing more is read). */
  private boolean receive(FitResult result) {
    PendingFit pending = fits.get(result.getInstructionId());
    if (pending == null || pending.reply().isDone()) {
      fits.remove(result.getInstructionId());
      return true;
    }
    if (result.getParameterCount() != pending.parameterCount()) {
      fits.remove(result.getInstructionId());
      pending.reply().completeExceptionally(new LearnerFailureException(mismatch(result, pending)));
      return true;
    }
    if (!pool.memory().tryAcquire(bytes(result), resume)) {
      held = result;
      return false;
    }
    start(result);
    return true;
  }

  private synchronized void resume() {
    FitResult result = held;
    held = null;
    if (ended || result == null) {
      pool.memory().release(result == null ? 0 : bytes(result));
      return;
    }
    lastHeard = System.currentTimeMillis();
    start(result);
    requestNext();
  }

  private void start(FitResult result) {
    PartialFit partial =
        new PartialFit(result, new ParameterAssembler(result.getParameterCount()), bytes(result));
    partialFits.put(result.getInstructionId(), partial);
    completeIfWhole(result.getInstructionId(), partial);
  }

  private void receive(ParameterChunk chunk) {
    PartialFit partial = partialFits.get(chunk.getInstructionId());
    if (partial != null) {
      partial.assembler().accept(chunk);
      completeIfWhole(chunk.getInstructionId(), partial);
    }
  }

  private void completeIfWhole(long instructionId, PartialFit partial) {
    if (!partial.assembler().isComplete()) {
      return;
    }
    partialFits.remove(instructionId);
    PendingFit pending = fits.remove(instructionId);
    FitResult result = partial.result();
    Optional<EvaluationReply> evaluation =
        result.hasEvaluation() ? Optional.of(reply(result.getEvaluation())) : Optional.empty();
    FitReply reply =
        new FitReply(
            id,
            partial.assembler().values(),
            result.getExamples(),
            result.getMetricsMap(),
            evaluation,
            partial.bytes());
    if (pending == null || !pending.reply().complete(reply)) {
      pool.memory().release(partial.bytes());
    }
  }

  private void receive(EvaluateResult result) {
    CompletableFuture<EvaluationReply> reply = evaluations.remove(result.getInstructionId());
    if (reply != null) {
      reply.complete(reply(result));
    }
  }

  private EvaluationReply reply(EvaluateResult result) {
    return new EvaluationReply(
        id, result.getLoss(), result.getAccuracy(), result.getExamples(), result.getMetricsMap());
  }

  private void receive(Failure failure) {
    if (failure.getFatal()) {
      pool.fatal(this, failure.getMessage());
      drop(failure.getMessage());
      return;
    }
    LearnerFailureException error =
        new LearnerFailureException(id + " failed: " + failure.getMessage());
    PendingFit fit = fits.remove(failure.getInstructionId());
    if (fit != null) {
      fit.reply().completeExceptionally(error);
    }
    CompletableFuture<EvaluationReply> evaluation = evaluations.remove(failure.getInstructionId());
    if (evaluation != null) {
      evaluation.completeExceptionally(error);
    }
  }

  private void end(String reason, boolean finished) {
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      LearnerFailureException error = new LearnerFailureException(id + " " + reason);
      fits.values().forEach(f -> f.reply().completeExceptionally(error));
      evaluations.values().forEach(f -> f.completeExceptionally(error));
      fits.clear();
      evaluations.clear();
      partialFits.values().forEach(p -> pool.memory().release(p.bytes()));
      partialFits.clear();
      if (held != null) {
        pool.memory().cancel(resume);
        held = null;
      }
    }
    pool.remove(this, reason, finished);
  }

  private void requestNext() {
    if (call != null && !ended) {
      call.request(1);
    }
  }

  private String mismatch(FitResult result, PendingFit pending) {
    return "model of learner "
        + id
        + " has "
        + result.getParameterCount()
        + " parameters, the global model "
        + pending.parameterCount()
        + " — do all learners build the same model?";
  }

  private static long bytes(FitResult result) {
    return result.getParameterCount() * Float.BYTES;
  }

  private record PendingFit(CompletableFuture<FitReply> reply, long parameterCount) {}

  private record PartialFit(FitResult result, ParameterAssembler assembler, long bytes) {}
}
