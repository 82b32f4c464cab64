package io.flops.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class LoggingEventPublisherTest {

  private final LoggingEventPublisher publisher = new LoggingEventPublisher();

  @Test
  void aComponentEventIsLoggedAsItsTopicAndTheJsonItWouldCarry(CapturedOutput output) {
    ComponentEvent event =
        new ComponentEvent.BuilderFailed(
            "e-1", "p-1", ComponentEvent.BuildPlan.FL_ACTORS, "The clone failed.");

    publisher.publish(event);

    String line = lineWith(output, event.topic());
    String json = line.substring(line.indexOf(event.topic()) + event.topic().length()).strip();
    assertThat(new EventCodec().decode(event.topic(), json.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(event);
  }

  @Test
  void anObserverEventIsLoggedWithItsTopicSourceAndMessage(CapturedOutput output) {
    ObserverEvent event =
        new ObserverEvent(
            "e-2",
            Instant.parse("2025-01-01T00:00:00Z"),
            "learner-1",
            ObserverEvent.Level.INFO,
            ObserverEvent.Kind.LOG,
            "Loaded 600 rows.",
            Map.of());

    publisher.publish("p-2", event);

    assertThat(lineWith(output, Topics.observer("p-2"))).contains("[learner-1] Loaded 600 rows.");
  }

  private static String lineWith(CapturedOutput output, String text) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.contains(text))
        .reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("No log line with " + text + " in " + output));
  }
}
