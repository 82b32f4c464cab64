package io.flops.common.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.events.EventCodec;
import io.flops.common.events.ObserverEvent;
import io.flops.common.events.ObserverEvent.Kind;
import io.flops.common.events.ObserverEvent.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventIntakeTest {

  private static final Instant NOW = Instant.parse("2026-11-23T12:30:00Z");
  private final EventIntake intake =
      new EventIntake(new EventCodec(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void readsAnEncodedEventUnchanged() {
    ObserverEvent event =
        new ObserverEvent(
            "e1",
            Instant.parse("2026-11-23T12:00:00Z"),
            "manager",
            Level.INFO,
            Kind.STATE,
            "Building images",
            Map.of("from", "PREPARING", "to", "BUILDING_IMAGES"));

    assertThat(intake.read(new EventCodec().encode(event))).isEqualTo(event);
  }

  @Test
  void fillsMissingFieldsAndGivesTheSamePayloadTheSameId() {
    byte[] payload = "{\"message\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    ObserverEvent event = intake.read(payload);

    assertThat(event.id()).isNotBlank().isEqualTo(intake.read(payload.clone()).id());
    assertThat(event.ts()).isEqualTo(NOW);
    assertThat(event.level()).isEqualTo(Level.INFO);
    assertThat(event.kind()).isEqualTo(Kind.LOG);
    assertThat(event.source()).isEqualTo("unknown");
    assertThat(event.message()).isEqualTo("hello");
  }

  @Test
  void keepsPlainTextAsAWarningLine() {
    ObserverEvent event = intake.read("Builder failed. Terminating this FLOps Project.".getBytes());

    assertThat(event.level()).isEqualTo(Level.WARN);
    assertThat(event.message()).isEqualTo("Builder failed. Terminating this FLOps Project.");
    assertThat(event.data()).containsKey("unreadable");
  }
}
