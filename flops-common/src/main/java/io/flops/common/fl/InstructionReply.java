package io.flops.common.fl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out one instruction with the handler and sends the result (or a failure) back. */
final class InstructionReply {

  private static final Logger log = LoggerFactory.getLogger(InstructionReply.class);

  private final StreamSender<LearnerMessage> sender;
  private final int chunkBytes;

  InstructionReply(StreamSender<LearnerMessage> sender, int chunkBytes) {
    this.sender = sender;
    this.chunkBytes = chunkBytes;
  }

  void answer(InstructionHandler handler, Instruction instruction, float[] parameters) {
    long id = instruction.getInstructionId();
    try {
      if (instruction.getKind() == InstructionKind.FIT) {
        long started = System.nanoTime();
        InstructionHandler.FitAnswer answer = handler.fit(parameters, instruction);
        sendFit(id, answer, (System.nanoTime() - started) / 1e6);
      } else {
        sendEvaluation(id, handler.evaluate(parameters, instruction));
      }
    } catch (Exception | Error e) {
      log.warn(
          "Instruction {} of round {} failed", instruction.getKind(), instruction.getRound(), e);
      sender.send(
          LearnerMessage.newBuilder()
              .setFailure(
                  Failure.newBuilder()
                      .setInstructionId(id)
                      .setMessage(
                          instruction.getKind()
                              + " of round "
                              + instruction.getRound()
                              + " failed: "
                              + e))
              .build());
    }
  }

  private void sendFit(long id, InstructionHandler.FitAnswer answer, double millis) {
    sender.send(
        LearnerMessage.newBuilder()
            .setFitResult(
                FitResult.newBuilder()
                    .setInstructionId(id)
                    .setExamples(answer.examples())
                    .putAllMetrics(answer.metrics())
                    .putMetrics(InstructionHandler.DURATION_METRIC, millis)
                    .setParameterCount(answer.parameters().length))
            .build());
    ParameterChunks.split(
        id,
        answer.parameters(),
        chunkBytes,
        chunk -> sender.send(LearnerMessage.newBuilder().setChunk(chunk).build()));
  }

  private void sendEvaluation(long id, InstructionHandler.EvaluateAnswer answer) {
    sender.send(
        LearnerMessage.newBuilder()
            .setEvaluateResult(
                EvaluateResult.newBuilder()
                    .setInstructionId(id)
                    .setLoss(answer.loss())
                    .setAccuracy(answer.accuracy())
                    .setExamples(answer.examples())
                    .putAllMetrics(answer.metrics()))
            .build());
  }
}
