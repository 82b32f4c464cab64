package io.flops.common.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A Spring application's launch variables, however they were given. */
class LaunchEnvironmentTest {

  private static StandardEnvironment spring(Map<String, Object> processEnvironment) {
    StandardEnvironment spring = new StandardEnvironment();
    spring
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, processEnvironment));
    return spring;
  }

  @Test
  void readsTheProcessEnvironmentAndLeavesOtherVariablesOut() {
    Map<String, String> variables =
        LaunchEnvironment.of(
            spring(Map.of("FLOPS_PROJECT_ID", "p1", "HOME", "/home/ada", "flops_verbose", "true")));

    assertThat(variables)
        .containsEntry("FLOPS_PROJECT_ID", "p1")
        .containsEntry("FLOPS_VERBOSE", "true")
        .doesNotContainKey("HOME");
  }

  @Test
  void springStylePropertiesCountAsTheirVariableAndTheCommandLineComesFirst() {
    StandardEnvironment spring = spring(Map.of("FLOPS_BUILDER_REPO_URL", "from-env"));
    spring
        .getPropertySources()
        .addFirst(
            new SimpleCommandLinePropertySource(
                "--flops.builder.repo-url=from-command-line", "--FLOPS_PROJECT_ID=p2"));
    spring
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "application.yml",
                Map.of(
                    "flops.builder.runtime.learner", "${java.io.tmpdir}/learner.jar",
                    "flops.project-id", "from-yml")));

    Map<String, String> variables = LaunchEnvironment.of(spring);

    assertThat(variables)
        .containsEntry("FLOPS_BUILDER_REPO_URL", "from-command-line")
        .containsEntry("FLOPS_PROJECT_ID", "p2")
        .containsEntry(
            "FLOPS_BUILDER_RUNTIME_LEARNER", System.getProperty("java.io.tmpdir") + "/learner.jar");
  }
}
