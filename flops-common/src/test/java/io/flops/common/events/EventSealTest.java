package io.flops.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.launch.ServiceLaunch;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSealTest {

  private final EventCodec codec = new EventCodec();
  private final EventSeal seal = EventSeal.of(EventSeal.newKey());
  private final ComponentEvent success =
      new ComponentEvent.AggregatorSucceeded(
          "e1",
          "p1",
          ComponentEvent.AggregatorType.CLASSIC_AGGREGATOR,
          0.97,
          0.1,
          "exp",
          "run",
          "file:///model");

  @Test
  void aSealedEventVerifiesAndStillDecodesAsTheSameEvent() {
    byte[] sealed = seal.seal(codec.encode(success));

    assertThat(seal.verifies(sealed)).isTrue();
    assertThat(new String(sealed, StandardCharsets.UTF_8)).matches(".*,\"seal\":\"[0-9a-f]{64}\"}");
    assertThat(codec.decode(success.topic(), sealed)).isEqualTo(success);
  }

  @Test
  void anUnsealedForgedOrOtherProjectsEventDoesNotVerify() {
    byte[] json = codec.encode(success);
    byte[] otherProjects = EventSeal.of(EventSeal.newKey()).seal(json);
    String sealed = new String(seal.seal(json), StandardCharsets.UTF_8);
    String tampered = sealed.replace("0.97", "0.99");

    assertThat(seal.verifies(json)).as("unsealed").isFalse();
    assertThat(seal.verifies(otherProjects)).as("another key's seal").isFalse();
    assertThat(seal.verifies(tampered.getBytes(StandardCharsets.UTF_8))).as("changed").isFalse();
    assertThat(seal.verifies("{\"seal\":\"zz\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(seal.verifies(new byte[0])).isFalse();
  }

  @Test
  void onlyAJsonObjectWithFieldsCanBeSealedAndKeysMustBeLongEnough() {
    assertThatThrownBy(() -> seal.seal("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventSeal.of("c2hvcnQ"))
        .hasMessage("An event key must hold at least 16 bytes");
    assertThat(seal.toString()).doesNotContain(EventSeal.newKey().substring(0, 8));
  }

  @Test
  void aServicesPublisherSealsWithTheKeyOfItsLaunchAndNeverShowsIt() {
    String key = EventSeal.newKey();
    ServiceLaunch launch =
        ServiceLaunch.fromEnvironment(
            Map.of("FLOPS_MQTT_URL", "tcp://127.0.0.1:1", "FLOPS_EVENT_KEY", key));

    MqttEventPublisher.Settings settings = launch.mqttPublisher("id").orElseThrow();

    assertThat(settings.eventKey()).isEqualTo(key);
    assertThat(settings.toString()).doesNotContain(key);
    assertThat(launch.toString()).doesNotContain(key);
  }
}
