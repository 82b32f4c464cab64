package io.flops.learner.training;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.fl.FatalLearnerException;
import io.flops.common.fl.Finished;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.common.fl.MemoryShortage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Reports the learner's own failures as the learner's: a failing fit or evaluation as an ERROR
 * event of the learner in the project's observer stream (the aggregator decides whether the round
 * can do without it), and a failure that keeps it out for good — a model of another size, running
 * out of memory — also as {@code flops_manager/learner/failed}, before the aggregator hears of it.
 */
final class ReportingHandler implements InstructionHandler {

  private final InstructionHandler delegate;
  private final LearnerSettings settings;
  private final EventPublisher events;

  ReportingHandler(InstructionHandler delegate, LearnerSettings settings, EventPublisher events) {
    this.delegate = delegate;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public FitAnswer fit(float[] parameters, Instruction instruction) throws Exception {
    try {
      return delegate.fit(parameters, instruction);
    } catch (Exception | Error e) {
      throw reported("fit", instruction, e);
    }
  }

  @Override
  public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) throws Exception {
    try {
      return delegate.evaluate(parameters, instruction);
    } catch (Exception | Error e) {
      throw reported("evaluation", instruction, e);
    }
  }

  @Override
  public void finished(Finished finished) {
    delegate.finished(finished);
  }

  private Exception reported(String phase, Instruction instruction, Throwable e) {
    boolean fatal = e instanceof FatalLearnerException || MemoryShortage.isShortage(e);
    String message =
        e instanceof FatalLearnerException
            ? e.getMessage()
            : MemoryShortage.describe(settings.name(), e)
                .orElse(phase + " of round " + instruction.getRound() + " failed: " + e);
    observe(message);
    if (!fatal) {
      return e instanceof Exception exception ? exception : new IllegalStateException(message, e);
    }
    events.publish(
        new ComponentEvent.LearnerFailed(
            UUID.randomUUID().toString(), settings.projectId(), settings.name(), message));
    return new FatalLearnerException(message, e);
  }

  private void observe(String message) {
    events.publish(
        settings.projectId(),
        new ObserverEvent(
            UUID.randomUUID().toString(),
            Instant.now(),
            settings.name(),
            ObserverEvent.Level.ERROR,
            ObserverEvent.Kind.LEARNER,
            settings.name() + ": " + message,
            Map.of("learner", settings.name(), "status", "failed")));
  }
}
