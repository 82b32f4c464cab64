package io.flops.learner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LearnerPropertiesTest {

  private final LearnerProperties properties =
      new LearnerProperties(
          "127.0.0.1:8080",
          "127.0.0.1:11027",
          List.of("mnist"),
          "learner-c1",
          Duration.ofSeconds(1),
          Duration.ofSeconds(5),
          Duration.ofMillis(500),
          Duration.ofSeconds(20),
          DataSize.ofMegabytes(1),
          Duration.ofSeconds(60));

  @Test
  void instancesOfOneServiceGetDistinctNamesFromTheOrchestratorsIndex() {
    assertThat(properties.instanceName("0", "host")).isEqualTo("learner-c1-0");
    assertThat(properties.instanceName("1", "host")).isEqualTo("learner-c1-1");
  }

  @Test
  void withoutAnIndexTheHostNameTellsContainersApart() {
    assertThat(properties.instanceName("", "3f2a9c")).isEqualTo("learner-c1-3f2a9c");
  }

  @Test
  void withNeitherTheConfiguredNameStays() {
    assertThat(properties.instanceName(null, "")).isEqualTo("learner-c1");
  }
}
