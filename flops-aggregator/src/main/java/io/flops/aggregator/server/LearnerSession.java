package io.flops.aggregator.server;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.EvaluateResult;
import io.flops.common.fl.Failure;
import io.flops.common.fl.Finished;
import io.flops.common.fl.Heartbeat;
import io.flops.common.fl.LearnerMessage;
import io.flops.common.fl.StreamSender;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;
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
  private final FitReception fits;
  private final Map<Long, CompletableFuture<EvaluationReply>> evaluations = new HashMap<>();
  private final Runnable resume = this::resume;
  private volatile long lastHeard = System.currentTimeMillis();
  private volatile String id;
  private volatile boolean ended;

  LearnerSession(LearnerPool pool, StreamObserver<AggregatorMessage> responses) {
    this.pool = pool;
    this.fits = new FitReception(pool.memory());
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
    return fits.isHolding() ? System.currentTimeMillis() : lastHeard;
  }

  /** Sends a fit instruction; the future fails with {@link LearnerFailureException}. */
  public CompletableFuture<FitReply> fit(OutgoingInstruction outgoing) {
    CompletableFuture<FitReply> reply = new CompletableFuture<>();
    synchronized (this) {
      fits.expect(
          outgoing.instruction().getInstructionId(),
          reply,
          outgoing.instruction().getParameterCount());
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
        if (!fits.begin(message.getFitResult(), id, resume)) {
          return;
        }
      }
      case CHUNK -> fits.accept(message.getChunk(), id);
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
      reply.completeExceptionally(new LearnerLostException(id + " is disconnected"));
    }
  }

  /** The update that waited for memory may go on: take it and read on. */
  private synchronized void resume() {
    if (ended) {
      return;
    }
    lastHeard = System.currentTimeMillis();
    fits.resume(id);
    requestNext();
  }

  private void receive(EvaluateResult result) {
    CompletableFuture<EvaluationReply> reply = evaluations.remove(result.getInstructionId());
    if (reply != null) {
      reply.complete(EvaluationReply.of(id, result));
    }
  }

  private void receive(Failure failure) {
    if (failure.getFatal()) {
      pool.fatal(this, failure.getMessage());
      drop(failure.getMessage());
      return;
    }
    LearnerFailureException error =
        new LearnerFailureException(id + " failed: " + failure.getMessage());
    fits.fail(failure.getInstructionId(), error);
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
      LearnerFailureException error =
          finished
              ? new LearnerFailureException(id + " " + reason)
              : new LearnerLostException(id + " " + reason);
      fits.failAll(error, resume);
      evaluations.values().forEach(f -> f.completeExceptionally(error));
      evaluations.clear();
    }
    pool.remove(this, reason, finished);
  }

  private void requestNext() {
    if (call != null && !ended) {
      call.request(1);
    }
  }
}
