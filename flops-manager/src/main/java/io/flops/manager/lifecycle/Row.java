package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.manager.project.Action;
import io.flops.manager.project.Project;
import io.flops.manager.project.Trigger;
import java.util.function.BiPredicate;

/**
 * One row of the {@link LifecycleTable}: in state {@code from}, an input of type {@code on} for
 * which {@code guard} holds takes the step {@code trigger} to state {@code to}: {@code record}
 * writes what the input carries onto the project and returns the timeline message, then the manager
 * runs {@code action} (or nothing).
 *
 * @param replay whether the same input is applied again in the new state (an aggregator's success
 *     whose start report was lost first starts training, then finishes it)
 */
public record Row<E>(
    ProjectState from,
    Class<E> on,
    BiPredicate<Project, E> guard,
    Trigger trigger,
    ProjectState to,
    Recorder<E> record,
    Action action,
    boolean replay) {

  /** Writes an input onto the project (pure: no side effects) and returns the timeline message. */
  @FunctionalInterface
  public interface Recorder<E> {
    String record(Project project, E input);
  }

  /** Whether this row takes {@code input} for {@code project}. */
  boolean matches(Project project, Object input) {
    return project.getState() == from
        && on.isInstance(input)
        && guard.test(project, on.cast(input));
  }

  /** Records {@code input} on the project and returns the timeline message. */
  String recordOn(Project project, Object input) {
    return record.record(project, on.cast(input));
  }

  /** Starts a row: {@code in(TRAINING).on(AggregatorSucceeded.class)...}. */
  static From in(ProjectState from) {
    return new From(from);
  }

  /** A row under construction. */
  record From(ProjectState from) {
    <E> On<E> on(Class<E> type) {
      return new On<>(from, type, (project, input) -> true);
    }
  }

  /** A row under construction that knows its input type. */
  record On<E>(ProjectState from, Class<E> type, BiPredicate<Project, E> guard) {
    On<E> when(BiPredicate<Project, E> condition) {
      return new On<>(from, type, guard.and(condition));
    }

    To<E> take(Trigger trigger, ProjectState to) {
      return new To<>(this, trigger, to, (project, input) -> trigger.name());
    }
  }

  /** A row under construction that knows its step. */
  record To<E>(On<E> on, Trigger trigger, ProjectState to, Recorder<E> record) {
    To<E> recording(Recorder<E> recorder) {
      return new To<>(on, trigger, to, recorder);
    }

    Row<E> then(Action action) {
      return new Row<>(on.from(), on.type(), on.guard(), trigger, to, record, action, false);
    }

    Row<E> andWait() {
      return new Row<>(on.from(), on.type(), on.guard(), trigger, to, record, null, false);
    }

    Row<E> thenReplay() {
      return new Row<>(on.from(), on.type(), on.guard(), trigger, to, record, null, true);
    }
  }
}
