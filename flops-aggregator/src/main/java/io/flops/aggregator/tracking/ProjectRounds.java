package io.flops.aggregator.tracking;

import io.flops.aggregator.training.RoundObserver;
import io.flops.aggregator.training.RoundReport;
import io.flops.tracking.project.ProjectTracking;
import io.flops.tracking.project.RoundRecord;
import java.time.Instant;

/** Hands every finished round to the project's tracking (one run per round). */
public final class ProjectRounds implements RoundObserver {

  private final ProjectTracking tracking;

  public ProjectRounds(ProjectTracking tracking) {
    this.tracking = tracking;
  }

  @Override
  public void roundFinished(RoundReport report, float[] parameters) {
    Instant finished = Instant.now();
    tracking.roundFinished(
        RoundRecord.of(
            report.round(),
            finished.minus(report.duration()),
            finished,
            report.loss(),
            report.accuracy(),
            report.fitExamples(),
            report.bytesExchanged(),
            report.trained().size()));
  }
}
