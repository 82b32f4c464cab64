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
import io.grpc.stub.StreamObserver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aggregator's end of one learner's stream: sends instructions with their parameters and
 * completes a future per instruction when the learner's answer (and its parameter chunks) arrived.
 * A learner that disconnects, goes silent or fails fails its pending instructions.
 */
public final class LearnerSession implements StreamObserver<LearnerMessage> {

  private final LearnerPool pool;
  private final StreamSender<AggregatorMessage> sender;
  private final Map<Long, CompletableFuture<FitReply>> fits = new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<EvaluationReply>> evaluations =
      new ConcurrentHashMap<>();
  private final Map<Long, PartialFit> partialFits = new ConcurrentHashMap<>();
  private volatile long lastHeard = System.currentTimeMillis();
  private volatile String id;
  private volatile boolean ended;

  LearnerSession(LearnerPool pool, StreamObserver<AggregatorMessage> responses) {
    this.pool = pool;
    this.sender = new StreamSender<>(responses);
  }

  /** The id given at registration ({@code <name>} or {@code <name>#<n>} for a repeated name). */
  public String id() {
    return id;
  }

  long lastHeard() {
    return lastHeard;
  }

  /** Sends a fit instruction; the future fails with {@link LearnerFailureException}. */
  public CompletableFuture<FitReply> fit(OutgoingInstruction outgoing) {
    CompletableFuture<FitReply> reply = new CompletableFuture<>();
    fits.put(outgoing.instruction().getInstructionId(), reply);
    send(outgoing, reply);
    return reply;
  }

  /** Sends an evaluate instruction; the future fails with {@link LearnerFailureException}. */
  public CompletableFuture<EvaluationReply> evaluate(OutgoingInstruction outgoing) {
    CompletableFuture<EvaluationReply> reply = new CompletableFuture<>();
    evaluations.put(outgoing.instruction().getInstructionId(), reply);
    send(outgoing, reply);
    return reply;
  }

  /** Tells the learner the training is over and closes the stream. */
  public void finish(boolean success, String message) {
    sender.send(
        AggregatorMessage.newBuilder()
            .setFinished(Finished.newBuilder().setSuccess(success).setMessage(message))
            .build());
    sender.complete();
    end("training finished");
  }

  void heartbeat() {
    sender.send(
        AggregatorMessage.newBuilder()
            .setHeartbeat(Heartbeat.newBuilder().setSentAtMs(System.currentTimeMillis()))
            .build());
  }

  /** Gives up on this learner: cancels its stream and fails what it owes. */
  void drop(String reason) {
    sender.fail(Status.UNAVAILABLE.withDescription(reason).asRuntimeException());
    end(reason);
  }

  @Override
  public void onNext(LearnerMessage message) {
    lastHeard = System.currentTimeMillis();
    switch (message.getBodyCase()) {
      case REGISTER -> {
        id = pool.register(this, message.getRegister());
        sender.send(AggregatorMessage.newBuilder().setWelcome(pool.welcome(id)).build());
        pool.finishIfOver(this);
      }
      case FIT_RESULT -> receive(message.getFitResult());
      case CHUNK -> receive(message.getChunk());
      case EVALUATE_RESULT -> receive(message.getEvaluateResult());
      case FAILURE -> receive(message.getFailure());
      default -> {}
    }
  }

  @Override
  public void onError(Throwable error) {
    end("disconnected (" + Status.fromThrowable(error).getCode() + ")");
  }

  @Override
  public void onCompleted() {
    sender.complete();
    end("closed its stream");
  }

  private void send(OutgoingInstruction outgoing, CompletableFuture<?> reply) {
    for (AggregatorMessage message : outgoing.messages()) {
      if (!sender.send(message)) {
        reply.completeExceptionally(new LearnerFailureException(id + " is disconnected"));
        return;
      }
    }
    if (ended) {
      reply.completeExceptionally(new LearnerFailureException(id + " is disconnected"));
    }
  }

  private void receive(FitResult result) {
    PartialFit partial = new PartialFit(result, new ParameterAssembler(result.getParameterCount()));
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
    CompletableFuture<FitReply> reply = fits.remove(instructionId);
    if (reply != null) {
      FitResult result = partial.result();
      reply.complete(
          new FitReply(
              id, partial.assembler().values(), result.getExamples(), result.getMetricsMap()));
    }
  }

  private void receive(EvaluateResult result) {
    CompletableFuture<EvaluationReply> reply = evaluations.remove(result.getInstructionId());
    if (reply != null) {
      reply.complete(
          new EvaluationReply(
              id,
              result.getLoss(),
              result.getAccuracy(),
              result.getExamples(),
              result.getMetricsMap()));
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
    CompletableFuture<FitReply> fit = fits.remove(failure.getInstructionId());
    if (fit != null) {
      fit.completeExceptionally(error);
    }
    CompletableFuture<EvaluationReply> evaluation = evaluations.remove(failure.getInstructionId());
    if (evaluation != null) {
      evaluation.completeExceptionally(error);
    }
  }

  private void end(String reason) {
    if (ended) {
      return;
    }
    ended = true;
    LearnerFailureException error = new LearnerFailureException(id + " " + reason);
    fits.values().forEach(f -> f.completeExceptionally(error));
    evaluations.values().forEach(f -> f.completeExceptionally(error));
    fits.clear();
    evaluations.clear();
    pool.remove(this, reason);
  }

  private record PartialFit(FitResult result, ParameterAssembler assembler) {}
}
