package io.flops.aggregator.server;

import io.flops.common.fl.FitResult;
import io.flops.common.fl.ParameterAssembler;
import io.flops.common.fl.ParameterChunk;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The fit answers one learner owes and is sending: a fit's update takes its size from the {@link
 * UpdateMemory} when its {@code FitResult} arrives (or waits for it), is assembled chunk by chunk,
 * and completes the fit's future whole. Not thread-safe: its {@link LearnerSession} guards it.
 */
final class FitReception {

  private final UpdateMemory memory;
  private final Map<Long, PendingFit> fits = new HashMap<>();
  private final Map<Long, PartialFit> partials = new HashMap<>();
  private FitResult held;

  FitReception(UpdateMemory memory) {
    this.memory = memory;
  }

  /** A fit was sent; its answer must have {@code parameterCount} parameters. */
  void expect(long instructionId, CompletableFuture<FitReply> reply, long parameterCount) {
    fits.put(instructionId, new PendingFit(reply, parameterCount));
  }

  /**
   * Starts receiving the update {@code result} announces; {@code false} when it waits for memory,
   * {@code whenGranted} then running once it may go on ({@link #resume}).
   */
  boolean begin(FitResult result, String learner, Runnable whenGranted) {
    PendingFit pending = fits.get(result.getInstructionId());
    if (pending == null || pending.reply().isDone()) {
      fits.remove(result.getInstructionId());
      return true;
    }
    if (result.getParameterCount() != pending.parameterCount()) {
      fits.remove(result.getInstructionId());
      pending
          .reply()
          .completeExceptionally(
              new LearnerFailureException(mismatch(result, pending.parameterCount(), learner)));
      return true;
    }
    if (!memory.tryAcquire(bytes(result), whenGranted)) {
      held = result;
      return false;
    }
    start(result, learner);
    return true;
  }

  /** Whether an update waits for memory. */
  boolean isHolding() {
    return held != null;
  }

  /** Goes on with the update that waited for memory, now granted. */
  void resume(String learner) {
    FitResult result = held;
    held = null;
    if (result != null) {
      start(result, learner);
    }
  }

  /** Puts a chunk in place; completes the fit when it was the last. */
  void accept(ParameterChunk chunk, String learner) {
    PartialFit partial = partials.get(chunk.getInstructionId());
    if (partial != null) {
      partial.assembler().accept(chunk);
      completeIfWhole(chunk.getInstructionId(), partial, learner);
    }
  }

  /** The learner could not carry out the fit {@code instructionId}. */
  void fail(long instructionId, LearnerFailureException error) {
    PendingFit fit = fits.remove(instructionId);
    if (fit != null) {
      fit.reply().completeExceptionally(error);
    }
  }

  /** The learner is gone: fails every fit and gives back all memory held or waited for. */
  void failAll(LearnerFailureException error, Runnable whenGranted) {
    fits.values().forEach(f -> f.reply().completeExceptionally(error));
    fits.clear();
    partials.values().forEach(p -> memory.release(p.bytes()));
    partials.clear();
    if (held != null && !memory.cancel(whenGranted)) {
      memory.release(bytes(held));
    }
    held = null;
  }

  private void start(FitResult result, String learner) {
    PartialFit partial =
        new PartialFit(result, new ParameterAssembler(result.getParameterCount()), bytes(result));
    partials.put(result.getInstructionId(), partial);
    completeIfWhole(result.getInstructionId(), partial, learner);
  }

  private void completeIfWhole(long instructionId, PartialFit partial, String learner) {
    if (!partial.assembler().isComplete()) {
      return;
    }
    partials.remove(instructionId);
    PendingFit pending = fits.remove(instructionId);
    FitResult result = partial.result();
    FitReply reply =
        new FitReply(
            learner,
            partial.assembler().values(),
            result.getExamples(),
            result.getMetricsMap(),
            result.hasEvaluation()
                ? Optional.of(EvaluationReply.of(learner, result.getEvaluation()))
                : Optional.empty(),
            partial.bytes());
    if (pending == null || !pending.reply().complete(reply)) {
      memory.release(partial.bytes());
    }
  }

  private static String mismatch(FitResult result, long expected, String learner) {
    return "model of learner "
        + learner
        + " has "
        + result.getParameterCount()
        + " parameters, the global model "
        + expected
        + " — do all learners build the same model?";
  }

  private static long bytes(FitResult result) {
    return result.getParameterCount() * Float.BYTES;
  }

  private record PendingFit(CompletableFuture<FitReply> reply, long parameterCount) {}

  private record PartialFit(FitResult result, ParameterAssembler assembler, long bytes) {}
}
