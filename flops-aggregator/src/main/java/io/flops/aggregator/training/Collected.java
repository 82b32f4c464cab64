package io.flops.aggregator.training;

import io.flops.aggregator.server.LearnerLostException;
import io.flops.aggregator.server.LearnerSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The answers of one phase of a round, taken as they arrive, and who was left out of it and why.
 *
 * @param replies what {@code accept} made of the accepted answers, in arrival order
 * @param dropped learner → why its answer is not in the round
 * @param lost the learners among {@code dropped} whose stream was lost (they may come back)
 */
record Collected<T>(List<T> replies, Map<String, String> dropped, Set<String> lost) {

  /**
   * Whether everyone left out was lost, not refused: the same round may succeed once they are back.
   */
  boolean onlyLost() {
    return !dropped.isEmpty() && lost.containsAll(dropped.keySet());
  }

  /**
   * Sends to every learner, then hands each answer to {@code accept} as soon as it arrives (so an
   * update can be aggregated and forgotten while others are still on their way), until all answered
   * or {@code deadlineMillis} passed. An answer that {@code accept} rejects with a {@link
   * RejectedAnswer} is left out with its reason; {@code discard} gets answers that came too late.
   */
  static <R, T> Collected<T> from(
      List<LearnerSession> learners,
      Function<LearnerSession, CompletableFuture<R>> send,
      long deadlineMillis,
      Function<R, T> accept,
      Consumer<R> discard)
      throws InterruptedException {
    BlockingQueue<Answer<R>> answers = new LinkedBlockingQueue<>();
    Map<String, CompletableFuture<R>> pending = new LinkedHashMap<>();
    for (LearnerSession learner : learners) {
      CompletableFuture<R> future = send.apply(learner);
      pending.put(learner.id(), future);
      future.whenComplete((value, error) -> answers.add(new Answer<>(learner.id(), value, error)));
    }
    List<T> replies = new ArrayList<>();
    Map<String, String> dropped = new LinkedHashMap<>();
    Set<String> lost = new HashSet<>();
    int outstanding = pending.size();
    while (outstanding > 0) {
      long left = deadlineMillis - System.currentTimeMillis();
      Answer<R> answer = left > 0 ? answers.poll(left, TimeUnit.MILLISECONDS) : answers.poll();
      if (answer == null) {
        break;
      }
      outstanding--;
      pending.remove(answer.learner());
      if (answer.error() != null) {
        dropped.put(answer.learner(), reason(answer.error()));
        if (cause(answer.error()) instanceof LearnerLostException) {
          lost.add(answer.learner());
        }
        continue;
      }
      try {
        replies.add(accept.apply(answer.value()));
      } catch (RejectedAnswer rejected) {
        dropped.put(answer.learner(), rejected.getMessage());
      }
    }
    pending.forEach(
        (learner, future) -> {
          if (!future.cancel(false) && !future.isCompletedExceptionally()) {
            discard.accept(future.join());
          }
          dropped.put(learner, learner + " missed the round deadline");
        });
    return new Collected<>(replies, dropped, lost);
  }

  private static String reason(Throwable error) {
    return cause(error).getMessage();
  }

  private static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  /** An answer left out of the round; the message names the learner and why. */
  static final class RejectedAnswer extends RuntimeException {
    RejectedAnswer(String message) {
      super(message, null, false, false);
    }
  }

  private record Answer<R>(String learner, R value, Throwable error) {}
}
