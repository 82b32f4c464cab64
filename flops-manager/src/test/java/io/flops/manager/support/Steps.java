package io.flops.manager.support;

import io.flops.manager.lifecycle.LifecycleTable;
import io.flops.manager.lifecycle.Records;
import io.flops.manager.lifecycle.Row;
import io.flops.manager.project.Project;
import io.flops.manager.project.Trigger;
import java.time.Instant;

/** Gives a project a history in tests, step by step along the lifecycle table's rows. */
public final class Steps {

  private static final LifecycleTable TABLE = new LifecycleTable(new Records(""));

  private Steps() {}

  /** Takes the table's {@code trigger} step from the project's state. */
  public static void fire(Project project, Trigger trigger, String message, Instant at) {
    Row<?> row =
        TABLE.rows().stream()
            .filter(r -> r.from() == project.getState() && r.trigger() == trigger)
            .findFirst()
            .orElseThrow(
                () -> new IllegalArgumentException(trigger + " from " + project.getState()));
    project.enter(row.to(), trigger, message, row.action(), at);
  }

  /** Fails the project as a failure report of {@code component} would. */
  public static void fail(Project project, String component, String reason, Instant at) {
    project.recordFailure(component, reason);
    fire(project, Trigger.FAIL, reason, at);
  }
}
