package io.flops.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Map;

/**
 * The one JSON codec for {@link ComponentEvent}s (decoded by topic) and {@link ObserverEvent}s.
 * Unknown JSON fields are ignored, so newer components can add fields without breaking older
 * receivers.
 */
public final class EventCodec {

  private static final Map<String, Class<? extends ComponentEvent>> BY_STATUS =
      Map.of(
          "fl_actors_image_builder/started", ComponentEvent.BuilderStarted.class,
          "fl_actors_image_builder/success", ComponentEvent.BuilderSucceeded.class,
          "fl_actors_image_builder/failed", ComponentEvent.BuilderFailed.class,
          "trained_model_image_builder/started", ComponentEvent.BuilderStarted.class,
          "trained_model_image_builder/success", ComponentEvent.BuilderSucceeded.class,
          "trained_model_image_builder/failed", ComponentEvent.BuilderFailed.class,
          "aggregator/started", ComponentEvent.AggregatorStarted.class,
          "aggregator/success", ComponentEvent.AggregatorSucceeded.class,
          "aggregator/failed", ComponentEvent.AggregatorFailed.class,
          "learner/failed", ComponentEvent.LearnerFailed.class);

  private static final Map<String, Class<? extends ComponentEvent>> MORE =
      Map.of(
          "project_observer/failed", ComponentEvent.ObserverFailed.class,
          "mock_data_provider/success", ComponentEvent.MockDataProviderFinished.class,
          "mock_data_provider/failed", ComponentEvent.MockDataProviderFinished.class);

  /**
   * One mapper shared by every codec: it is thread-safe, and a new one introspects the types again.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The JSON bytes of a component event. */
  public byte[] encode(ComponentEvent event) {
    return write(event);
  }

  /** The JSON bytes of an observer event. */
  public byte[] encode(ObserverEvent event) {
    return write(event);
  }

  /**
   * Decodes a component event received on {@code topic}.
   *
   * @throws IllegalArgumentException for a topic that is not a component → manager topic, or a
   *     payload that is not valid JSON for it
   */
  public ComponentEvent decode(String topic, byte[] payload) {
    if (!topic.startsWith(Topics.MANAGER_PREFIX)) {
      throw new IllegalArgumentException("Not a manager topic: " + topic);
    }
    String key = topic.substring(Topics.MANAGER_PREFIX.length());
    Class<? extends ComponentEvent> type = BY_STATUS.getOrDefault(key, MORE.get(key));
    if (type == null) {
      throw new IllegalArgumentException("Unknown manager topic: " + topic);
    }
    return read(payload, type, topic);
  }

  /** Decodes an observer event. */
  public ObserverEvent decodeObserverEvent(byte[] payload) {
    return read(payload, ObserverEvent.class, "observer event");
  }

  private byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode " + value, e);
    }
  }

  private <T> T read(byte[] payload, Class<T> type, String what) {
    try {
      return MAPPER.readValue(payload, type);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Malformed payload for "
              + what
              + ": "
              + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()),
          e);
    }
  }
}
