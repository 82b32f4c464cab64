package io.flops.cli.evaluate;

import io.flops.common.events.ObserverEvent;
import io.flops.common.observer.SequencedEvent;
import java.util.Map;
import java.util.Optional;

/**
 * One finished FL round, from a {@code ROUND} observer event.
 *
 * @param source the aggregator that reported it ({@code aggregator}; hierarchical: the root and
 *     each cluster's aggregator)
 * @param round the round number
 * @param loss the aggregated loss
 * @param accuracy the aggregated accuracy
 * @param seconds how long the round took, or NaN when the event does not say
 */
public record RoundResult(String source, int round, double loss, double accuracy, double seconds) {

  /** The round a {@code ROUND} event reports, empty for other events or incomplete data. */
  public static Optional<RoundResult> of(SequencedEvent event) {
    Map<String, Object> data = event.data();
    if (event.kind() != ObserverEvent.Kind.ROUND
        || !(data.get("round") instanceof Number round)
        || !(data.get("loss") instanceof Number loss)
        || !(data.get("accuracy") instanceof Number accuracy)) {
      return Optional.empty();
    }
    double seconds =
        data.get("duration_ms") instanceof Number millis ? millis.doubleValue() / 1000 : Double.NaN;
    return Optional.of(
        new RoundResult(
            event.source(), round.intValue(), loss.doubleValue(), accuracy.doubleValue(), seconds));
  }
}
