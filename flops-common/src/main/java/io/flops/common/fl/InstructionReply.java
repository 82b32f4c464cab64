package io.flops.common.fl;

import io.flops.common.fl.InstructionHandler.EvaluateAnswer;
import io.flops.common.fl.InstructionHandler.FitAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one instruction with the handler and sends the result (or a failure) back: for a fit
 * with {@code evaluate_first}, the evaluation of the received parameters, then the fit; the trained
 * parameters are encoded chunk by chunk as the stream becomes ready ({@link EncodedChunks}).
 */
final class InstructionReply {

  private static final Logger log = LoggerFactory.getLogger(InstructionReply.class);

  private final StreamSender<LearnerMessage> sender;
  private final String learner;
  private final int chunkBytes;

  InstructionReply(StreamSender<LearnerMessage> sender, String learner, int chunkBytes) {
    this.sender = sender;
    this.learner = learner;
    this.chunkBytes = chunkBytes;
  }

  void answer(InstructionHandler handler, Instruction instruction, float[] parameters) {
    try {
      if (instruction.getKind() == InstructionKind.FIT) {
        EvaluateResult evaluation =
            instruction.getEvaluateFirst()
                ? evaluation(instruction, handler.evaluate(parameters, instruction))
                : null;
        long started = System.nanoTime();
        FitAnswer answer = handler.fit(parameters, instruction);
        sendFit(instruction, answer, evaluation, (System.nanoTime() - started) / 1e6);
      } else {
        EvaluateResult evaluation =
            evaluation(instruction, handler.evaluate(parameters, instruction));
        sender.send(LearnerMessage.newBuilder().setEvaluateResult(evaluation).build());
      }
    } catch (Exception | Error e) {
      fail(instruction, e);
    }
  }

  private void fail(Instruction instruction, Throwable e) {
    boolean fatal = e instanceof FatalLearnerException || MemoryShortage.isShortage(e);
    String message =
        e instanceof FatalLearnerException
            ? e.getMessage()
            : MemoryShortage.describe(learner, e)
                .orElseGet(
                    () ->
                        instruction.getKind()
                            + " of round "
                            + instruction.getRound()
                            + " failed: "
                            + e);
    log.warn("Instruction {} of round {} failed", instruction.getKind(), instruction.getRound(), e);
    sender.send(
        LearnerMessage.newBuilder()
            .setFailure(
                Failure.newBuilder()
                    .setInstructionId(instruction.getInstructionId())
                    .setFatal(fatal)
                    .setMessage(message))
            .build());
  }

  private void sendFit(
      Instruction instruction, FitAnswer answer, EvaluateResult evaluation, double millis) {
    long id = instruction.getInstructionId();
    FitResult.Builder result =
        FitResult.newBuilder()
            .setInstructionId(id)
            .setExamples(answer.examples())
            .putAllMetrics(answer.metrics())
            .putMetrics(InstructionHandler.DURATION_METRIC, millis)
            .setParameterCount(answer.parameters().length);
    if (evaluation != null) {
      result.setEvaluation(evaluation);
    }
    sender.send(LearnerMessage.newBuilder().setFitResult(result).build());
    sender.send(
        new EncodedChunks<>(
            id,
            answer.parameters(),
            chunkBytes,
            chunk -> LearnerMessage.newBuilder().setChunk(chunk).build()));
  }

  private static EvaluateResult evaluation(Instruction instruction, EvaluateAnswer answer) {
    return EvaluateResult.newBuilder()
        .setInstructionId(instruction.getInstructionId())
        .setLoss(answer.loss())
        .setAccuracy(answer.accuracy())
        .setExamples(answer.examples())
        .putAllMetrics(answer.metrics())
        .build();
  }
}
