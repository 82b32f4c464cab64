package io.flops.common.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The instances of one learner service tell apart in events and logs. */
class LearnerLaunchTest {

  private static LearnerLaunch learner(Integer instance) {
    return new LearnerLaunch(
        ServiceLaunch.fromEnvironment(Map.of()),
        "127.0.0.1:8080",
        List.of("mnist"),
        "learner-c1",
        null,
        instance);
  }

  @Test
  void instancesOfOneServiceGetDistinctNamesFromTheOrchestratorsIndex() {
    assertThat(learner(0).instanceName("host")).isEqualTo("learner-c1-0");
    assertThat(learner(1).instanceName("host")).isEqualTo("learner-c1-1");
    assertThat(
            LearnerLaunch.fromEnvironment(
                    Map.of("FLOPS_LEARNER_NAME", "learner-c1", "FLOPS_INSTANCE", "2"))
                .instanceName("host"))
        .isEqualTo("learner-c1-2");
  }

  @Test
  void withoutAnIndexTheHostNameTellsContainersApart() {
    assertThat(learner(null).instanceName("3f2a9c")).isEqualTo("learner-c1-3f2a9c");
  }

  @Test
  void withNeitherTheConfiguredNameStays() {
    assertThat(learner(null).instanceName("")).isEqualTo("learner-c1");
  }
}
