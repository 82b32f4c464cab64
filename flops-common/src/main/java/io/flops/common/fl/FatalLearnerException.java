package io.flops.common.fl;

/**
 * Thrown by an {@link InstructionHandler} when the learner cannot take part any more (a model of
 * another size than the global one, no memory left): the learner reports it as a fatal failure, and
 * the aggregator fails the training with its message, a sentence naming the learner.
 */
public class FatalLearnerException extends RuntimeException {

  public FatalLearnerException(String message) {
    super(message);
  }

  public FatalLearnerException(String message, Throwable cause) {
    super(message, cause);
  }
}
