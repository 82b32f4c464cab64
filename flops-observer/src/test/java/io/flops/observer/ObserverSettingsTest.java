package io.flops.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.launch.LaunchEnvironment;
import io.flops.common.launch.ObserverLaunch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables of docs/observer.md bind to the observer's settings. */
class ObserverSettingsTest {

  private static ObserverSettings bind(Map<String, Object> environment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    spring
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
    ObserverLimits limits =
        new Binder(ConfigurationPropertySources.get(spring))
            .bindOrCreate("flops.observer", ObserverLimits.class);
    return new ObserverSettings(
        ObserverLaunch.fromEnvironment(LaunchEnvironment.of(spring)), limits);
  }

  @Test
  void environmentVariablesSetEveryKnob() {
    ObserverSettings properties =
        bind(
            Map.of(
                "FLOPS_PROJECT_ID", "p/1",
                "FLOPS_OBSERVER_STORAGE_DIR", "/data/observer",
                "FLOPS_OBSERVER_MAX_EVENTS", "500",
                "FLOPS_OBSERVER_SESSION_EXPIRY", "2h",
                "FLOPS_OBSERVER_STREAM_TIMEOUT", "PT30S",
                "FLOPS_OBSERVER_HEARTBEAT", "5s"));

    assertThat(properties.maxEvents()).isEqualTo(500);
    assertThat(properties.sessionExpiry()).isEqualTo(Duration.ofHours(2));
    assertThat(properties.streamTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.limits().heartbeat()).isEqualTo(Duration.ofSeconds(5));
    assertThat(properties.eventFile()).isEqualTo(Path.of("/data/observer/p_1.events.jsonl"));
    assertThat(properties.mqttClientId()).isEqualTo("flops-observer-p/1");
  }

  @Test
  void defaultsAreDocumented() {
    ObserverSettings properties = bind(Map.of("FLOPS_PROJECT_ID", "p1"));

    assertThat(properties.maxEvents()).isEqualTo(10_000);
    assertThat(properties.mqttUrl()).isEqualTo("tcp://127.0.0.1:9027");
    assertThat(properties.launch().storageDir()).isEqualTo(Path.of(".flops-observer"));
    assertThat(properties.sessionExpiry()).isEqualTo(Duration.ofDays(1));
    assertThat(properties.limits().heartbeat()).isEqualTo(Duration.ofSeconds(15));
  }
}
