package io.flops.aggregator.events;

import io.flops.aggregator.server.PoolListener;
import io.flops.aggregator.training.RoundReport;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the aggregator reports: {@code flops_manager/aggregator/*} to the manager, and ROUND,
 * LEARNER and LOG events to the project's observer stream.
 */
public final class AggregatorEvents implements PoolListener {

  private final EventPublisher publisher;
  private final String projectId;
  private final AggregatorType type;
  private final String source;

  public AggregatorEvents(
      EventPublisher publisher, String projectId, AggregatorType type, String source) {
    this.publisher = publisher;
    this.projectId = projectId;
    this.type = type;
    this.source = source;
  }

  public void started() {
    publisher.publish(new ComponentEvent.AggregatorStarted(id(), projectId, type));
  }

  /**
   * The best round's metrics (null when not a finite number) and, when tracked, where its model was
   * logged.
   */
  public void succeeded(
      double accuracy, double loss, String experimentId, String runId, String modelUri) {
    publisher.publish(
        new ComponentEvent.AggregatorSucceeded(
            id(), projectId, type, number(accuracy), number(loss), experimentId, runId, modelUri));
  }

  /**
   * A learner caused the training to fail ({@code flops_manager/learner/failed}, so the project's
   * failing component is the learner), before the aggregator's own {@link #failed}.
   */
  public void learnerFailed(String learner, String message) {
    publisher.publish(new ComponentEvent.LearnerFailed(id(), projectId, learner, message));
  }

  public void failed(String message) {
    publisher.publish(new ComponentEvent.AggregatorFailed(id(), projectId, type, message));
    observe(Level.ERROR, Kind.LOG, message, Map.of());
  }

  /** One ROUND event with the round's metrics and duration. */
  public void round(RoundReport report) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("round", report.round());
    putNumber(data, "loss", report.loss());
    putNumber(data, "accuracy", report.accuracy());
    data.put("duration_ms", report.duration().toMillis());
    data.put("learners", report.trained().size());
    data.put("examples", report.fitExamples());
    data.put("fit_metrics", report.fitMetrics());
    if (!report.dropped().isEmpty()) {
      data.put("dropped", report.dropped());
    }
    observe(
        report.dropped().isEmpty() ? Level.INFO : Level.WARN,
        Kind.ROUND,
        String.format(
            "Round %d: accuracy %.4f, loss %.4f, %d learner(s), %d ms%s",
            report.round(),
            report.accuracy(),
            report.loss(),
            report.trained().size(),
            report.duration().toMillis(),
            report.dropped().isEmpty() ? "" : "; left out: " + report.dropped().keySet()),
        data);
  }

  /** A round that fell short because learners were lost runs again (a WARN for the user). */
  public void roundRepeated(int round, String reason, int retry) {
    observe(
        Level.WARN,
        Kind.LOG,
        reason + " Round " + round + " runs again (retry " + retry + ").",
        Map.of("round", round, "retry", retry));
  }

  /** A LOG event for the user. */
  public void log(Level level, String message) {
    observe(level, Kind.LOG, message, Map.of());
  }

  @Override
  public void joined(String learner) {
    observe(Level.INFO, Kind.LEARNER, learner + " joined", learnerData(learner, "joined"));
  }

  @Override
  public void finished(String learner) {
    observe(Level.INFO, Kind.LEARNER, learner + " finished", learnerData(learner, "finished"));
  }

  @Override
  public void left(String learner, String reason) {
    observe(
        Level.WARN, Kind.LEARNER, learner + " left: " + reason, learnerData(learner, "dropped"));
  }

  @Override
  public void failed(String learner, String message) {
    observe(
        Level.ERROR, Kind.LEARNER, learner + " failed: " + message, learnerData(learner, "failed"));
  }

  /** Event data holds numbers only: a NaN or infinite metric is left out (read as null). */
  private static void putNumber(Map<String, Object> data, String key, double value) {
    if (Double.isFinite(value)) {
      data.put(key, value);
    }
  }

  private static Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static Map<String, Object> learnerData(String learner, String status) {
    return Map.of("learner", learner, "status", status);
  }

  private void observe(Level level, Kind kind, String message, Map<String, Object> data) {
    publisher.publish(
        projectId, new ObserverEvent(id(), Instant.now(), source, level, kind, message, data));
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
