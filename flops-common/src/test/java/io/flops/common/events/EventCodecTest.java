package io.flops.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

  private final EventCodec codec = new EventCodec();

  static Stream<ComponentEvent> everyComponentEvent() {
    return Stream.of(
        new ComponentEvent.BuilderStarted("e1", "p1", BuildPlan.FL_ACTORS),
        new ComponentEvent.BuilderStarted("e2", "p1", BuildPlan.TRAINED_MODEL),
        new ComponentEvent.BuilderSucceeded(
            "e3",
            "p1",
            BuildPlan.FL_ACTORS,
            List.of("reg:5000/o/r/learner:abc", "reg:5000/o/r/aggregator:abc"),
            "abc",
            Map.of("clone", 120L, "compile", 3400L),
            123_456L),
        new ComponentEvent.BuilderSucceeded(
            "e4", "p1", BuildPlan.TRAINED_MODEL, List.of("reg/c/trained_model:r1"), null, null, 9L),
        new ComponentEvent.BuilderFailed("e5", "p1", BuildPlan.FL_ACTORS, "clone failed"),
        new ComponentEvent.BuilderFailed("e6", "p1", BuildPlan.TRAINED_MODEL, "push failed"),
        new ComponentEvent.AggregatorStarted("e7", "p1", AggregatorType.CLASSIC_AGGREGATOR),
        new ComponentEvent.AggregatorSucceeded(
            "e8", "p1", AggregatorType.ROOT_AGGREGATOR, 0.91, 0.25, "exp", "run", "runs:/run/m"),
        new ComponentEvent.AggregatorSucceeded(
            "e9", "p1", AggregatorType.CLASSIC_AGGREGATOR, null, null, null, null, null),
        new ComponentEvent.AggregatorFailed(
            "e10", "p1", AggregatorType.CLASSIC_AGGREGATOR, "Aggregator failed: 'x'"),
        new ComponentEvent.LearnerFailed("e11", "p1", "learner-2", "no data for tags [mnist]"),
        new ComponentEvent.ObserverFailed("e12", "p1", "disk full"),
        new ComponentEvent.MockDataProviderFinished("e13", "m1", 2, 20_000L, null),
        new ComponentEvent.MockDataProviderFinished("e14", "m1", 0, 0L, "no data server"));
  }

  @ParameterizedTest
  @MethodSource("everyComponentEvent")
  void everyComponentEventSurvivesTheRoundTripOnItsTopic(ComponentEvent event) {
    byte[] json = codec.encode(event);

    assertThat(codec.decode(event.topic(), json)).isEqualTo(event);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"flops_project_id\":\"" + event.projectId() + "\"")
        .contains("\"event_id\":\"" + event.eventId() + "\"");
  }

  @Test
  void everyManagerTopicIsCoveredByTheRoundTrip() {
    List<String> topics = everyComponentEvent().map(ComponentEvent::topic).distinct().toList();

    assertThat(topics)
        .containsExactlyInAnyOrder(
            "flops_manager/fl_actors_image_builder/started",
            "flops_manager/fl_actors_image_builder/success",
            "flops_manager/fl_actors_image_builder/failed",
            "flops_manager/trained_model_image_builder/started",
            "flops_manager/trained_model_image_builder/success",
            "flops_manager/trained_model_image_builder/failed",
            "flops_manager/aggregator/started",
            "flops_manager/aggregator/success",
            "flops_manager/aggregator/failed",
            "flops_manager/learner/failed",
            "flops_manager/project_observer/failed",
            "flops_manager/mock_data_provider/success",
            "flops_manager/mock_data_provider/failed");
  }

  @Test
  void observerEventsSurviveTheRoundTrip() {
    ObserverEvent event =
        new ObserverEvent(
            "o1",
            Instant.parse("2026-11-23T12:00:00.123Z"),
            "manager",
            ObserverEvent.Level.INFO,
            ObserverEvent.Kind.STATE,
            "Project moved from ACCEPTED to PREPARING.",
            Map.of("from", "ACCEPTED", "to", "PREPARING"));

    byte[] json = codec.encode(event);

    assertThat(codec.decodeObserverEvent(json)).isEqualTo(event);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"ts\":\"2026-11-23T12:00:00.123Z\"");
  }

  @Test
  void theOriginalObserverFailurePayloadWithFlopsIdIsUnderstood() {
    byte[] original =
        "{\"flops_id\":\"p9\",\"error_msg\":\"boom\"}".getBytes(StandardCharsets.UTF_8);

    ComponentEvent event = codec.decode("flops_manager/project_observer/failed", original);

    assertThat(event.projectId()).isEqualTo("p9");
  }

  @Test
  void unknownTopicsAndMalformedPayloadsAreRefusedWithTheTopicNamed() {
    assertThatThrownBy(() -> codec.decode("flops_manager/nobody/started", new byte[] {'{', '}'}))
        .hasMessageContaining("flops_manager/nobody/started");
    assertThatThrownBy(() -> codec.decode("other/topic", new byte[0]))
        .hasMessageContaining("other/topic");
    assertThatThrownBy(
            () -> codec.decode("flops_manager/aggregator/started", "{not json".getBytes()))
        .hasMessageContaining("flops_manager/aggregator/started");
  }
}
