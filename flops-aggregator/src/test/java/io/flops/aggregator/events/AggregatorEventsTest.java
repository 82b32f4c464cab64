package io.flops.aggregator.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.training.RoundReport;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorSucceeded;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregatorEventsTest {

  private final List<Object> published = new ArrayList<>();
  private final AggregatorEvents events =
      new AggregatorEvents(
          new EventPublisher() {
            @Override
            public void publish(ComponentEvent event) {
              published.add(event);
            }

            @Override
            public void publish(String projectId, ObserverEvent event) {
              published.add(event);
            }
          },
          "p1",
          AggregatorType.CLASSIC_AGGREGATOR,
          "aggregator");

  @Test
  void aLearnerThatFinishesIsReportedAtInfoAndOneThatDropsOutAtWarn() {
    events.finished("learner-1");
    events.left("learner-2", "disconnected (CANCELLED)");

    ObserverEvent finished = (ObserverEvent) published.get(0);
    ObserverEvent left = (ObserverEvent) published.get(1);
    assertThat(finished.level()).isEqualTo(ObserverEvent.Level.INFO);
    assertThat(finished.message()).isEqualTo("learner-1 finished");
    assertThat(finished.data()).containsEntry("status", "finished");
    assertThat(left.level()).isEqualTo(ObserverEvent.Level.WARN);
    assertThat(left.data()).containsEntry("status", "dropped");
  }

  @Test
  void metricsThatAreNotNumbersAreNullOrLeftOut() {
    events.succeeded(Double.NaN, Double.POSITIVE_INFINITY, null, null, null);
    events.round(
        new RoundReport(
            1,
            Double.NaN,
            Double.NaN,
            1,
            0,
            List.of("l1"),
            Map.of(),
            Duration.ZERO,
            Duration.ZERO,
            Map.of(),
            0));

    AggregatorSucceeded success = (AggregatorSucceeded) published.get(0);
    assertThat(success.accuracy()).isNull();
    assertThat(success.loss()).isNull();
    ObserverEvent round = (ObserverEvent) published.get(1);
    assertThat(round.data()).doesNotContainKeys("accuracy", "loss").containsEntry("round", 1);
  }
}
