package io.flops.manager.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import io.flops.manager.support.Steps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An ended project keeps its observer for the grace period, and nothing else. */
class ObserverGraceTest {

  private static final Instant END = Instant.parse("2026-11-23T12:00:00Z");
  private static final Duration GRACE = Duration.ofMinutes(10);
  private static final ProjectSla SLA =
      SlaJson.readProject(
          """
          {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r","training_configuration":{"data_tags":["m"]}}"""
              .getBytes(StandardCharsets.UTF_8));

  private final DeployedService observer =
      new DeployedService(ServiceRole.OBSERVER, "d-obs", "observp1", "flops/observer", null, false);
  private final DeployedService learner =
      new DeployedService(ServiceRole.LEARNER, "d-lrn", "flearnerp1", "o/r/learner", null, false);

  private Project cancelledProject() {
    Project project = Project.accept("p1", SLA, END.minusSeconds(60));
    project.addService(observer);
    project.addService(learner);
    Steps.fire(project, Trigger.CANCEL, "Cancelled by the user.", END);
    return project;
  }

  @Test
  void theObserverOutlivesTheProjectForTheGracePeriodOnly() {
    Project project = cancelledProject();
    Instant during = END.plus(Duration.ofMinutes(1));

    assertThat(project.endedAt()).isEqualTo(END);
    assertThat(project.keepsAfterEnd(observer, during, GRACE)).isTrue();
    assertThat(project.keepsAfterEnd(learner, during, GRACE)).isFalse();
    assertThat(project.keepsAfterEnd(observer, END.plus(GRACE), GRACE)).isFalse();
  }

  @Test
  void cleanUpIsDueAgainWhenTheGracePeriodEnds() {
    Project project = cancelledProject();
    assertThat(project.needsCleanUp(END.plusSeconds(1), GRACE)).isTrue();

    project.markUndeployed("d-lrn");

    assertThat(project.needsCleanUp(END.plusSeconds(1), GRACE)).isFalse();
    assertThat(project.needsCleanUp(END.plus(GRACE).plusSeconds(1), GRACE)).isTrue();
    assertThat(project.needsCleanUp(END.plusSeconds(1), Duration.ZERO)).isTrue();
  }
}
