package io.flops.aggregator.training;

import io.flops.aggregator.server.LearnerSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** The answers of one phase of a round, and who was left out of it and why. */
record Collected<T>(List<T> replies, Map<String, String> dropped) {

  /** Sends to every learner and waits for the answers until {@code deadlineMillis}. */
  static <T> Collected<T> from(
      List<LearnerSession> learners,
      Function<LearnerSession, CompletableFuture<T>> send,
      long deadlineMillis)
      throws InterruptedException {
    Map<String, CompletableFuture<T>> pending = new LinkedHashMap<>();
    learners.forEach(learner -> pending.put(learner.id(), send.apply(learner)));
    List<T> replies = new ArrayList<>();
    Map<String, String> dropped = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<T>> entry : pending.entrySet()) {
      long left = Math.max(0, deadlineMillis - System.currentTimeMillis());
      try {
        replies.add(entry.getValue().get(left, TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        dropped.put(entry.getKey(), e.getCause().getMessage());
      } catch (TimeoutException e) {
        entry.getValue().cancel(false);
        dropped.put(entry.getKey(), entry.getKey() + " missed the round deadline");
      }
    }
    return new Collected<>(replies, dropped);
  }
}
