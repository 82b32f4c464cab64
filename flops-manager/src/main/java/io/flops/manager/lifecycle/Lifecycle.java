package io.flops.manager.lifecycle;

import io.flops.common.error.FlopsException;
import io.flops.common.events.ComponentEvent;
import io.flops.manager.mqtt.ComponentEventListener;
import io.flops.manager.project.Action;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one dispatcher of project inputs. It applies the {@link LifecycleTable} inside the store's
 * save (pure: a retried save only re-applies the table), which also records the step's {@link
 * Action} as the project's pending work; then, outside the save, it hands that action to the
 * project's {@link ActionLanes} (an input is applied as soon as it is saved, not once its action
 * ran), where the {@link ActionRunner} runs it and records each outcome as it comes. An action's
 * follow-up input (the outcome of preparing) and its failure are dispatched like any other input.
 */
public class Lifecycle implements ComponentEventListener {

  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final ProjectStore store;
  private final LifecycleTable table;
  private final ActionRunner actions;
  private final ActionLanes lanes;
  private final Map<String, ReentrantLock> actionLocks = new ConcurrentHashMap<>();

  /** A lifecycle that runs each action on the thread whose input asked for it. */
  public Lifecycle(ProjectStore store, LifecycleTable table, ActionRunner actions) {
    this(store, table, actions, ActionLanes.DIRECT);
  }

  /**
   * A lifecycle that runs actions on {@code lanes}; clean-ups run at once on the thread that asked
   * (they never wait behind a slow deployment of their project).
   */
  public Lifecycle(
      ProjectStore store, LifecycleTable table, ActionRunner actions, ActionLanes lanes) {
    this.store = store;
    this.table = table;
    this.actions = actions;
    this.lanes = lanes;
  }

  @Override
  public void onComponentEvent(ComponentEvent event) {
    handle(event);
  }

  /**
   * Handles a component's report: its step, if any row takes it, and the step's action; a report is
   * applied once per event id.
   *
   * @return what it did, or empty when no row ever takes such reports or the project is unknown
   */
  public Optional<Step> handle(ComponentEvent event) {
    if (!table.handles(event.getClass())) {
      log.info("{} of project {} needs no lifecycle step", event.topic(), event.projectId());
      return Optional.empty();
    }
    return dispatch(event.projectId(), event, event.eventId(), null);
  }

  /** Handles one of the manager's own inputs. */
  public Optional<Step> signal(String projectId, Signal signal) {
    return dispatch(projectId, signal, null, null);
  }

  /**
   * Cancels a project and undeploys what it started.
   *
   * @return the cancelled project, or empty when no project has that id
   * @throws FlopsException a conflict naming the project's history when it has ended
   */
  public Optional<Project> cancel(String projectId, String reason) {
    Optional<Step> step = signal(projectId, new Signal.Cancel(reason));
    if (step.isPresent() && step.get().rows().isEmpty()) {
      Project ended = step.get().project();
      throw FlopsException.conflict(
          "Project "
              + projectId
              + " cannot take CANCEL in state "
              + ended.getState()
              + "; its history: "
              + ended.history()
              + ".");
    }
    return step.flatMap(taken -> store.find(projectId));
  }

  /**
   * Runs the project's unfinished work again (after a restart), or starts it when it was only
   * accepted.
   */
  public void resume(String projectId) {
    store
        .find(projectId)
        .ifPresent(
            project -> {
              if (project.getPendingAction() != null) {
                run(projectId, project.getPendingAction());
              } else if (table.awaits(project.getState(), Signal.Start.class)) {
                signal(projectId, new Signal.Start());
              }
            });
  }

  /** The action of the step that brought the project into its current state, if it had one. */
  public Optional<Action> actionOfState(Project project) {
    return table.rowInto(project).map(Row::action);
  }

  /** Runs {@code action} again for the project (its idempotent work, e.g. after a restart). */
  public void runAgain(String projectId, Action action) {
    run(projectId, action);
  }

  /** Whether a project in its current state waits for inputs of {@code type}. */
  public boolean awaits(Project project, Class<?> type) {
    return table.awaits(project.getState(), type);
  }

  /** Undeploys what an ended project still runs and may stop now (the observer after grace). */
  public void cleanUp(String projectId) {
    run(projectId, Action.CLEAN_UP);
  }

  /**
   * What one input did to a project.
   *
   * @param project the project as saved
   * @param rows the rows taken, in order (empty: the input was ignored)
   */
  public record Step(Project project, List<Row<?>> rows) {}

  private Optional<Step> dispatch(
      String projectId, Object input, String eventId, Action completed) {
    AtomicReference<List<Row<?>>> taken = new AtomicReference<>(List.of());
    Optional<Project> saved =
        store.change(
            projectId,
            project -> {
              if (completed != null) {
                project.actionDone(completed);
              }
              taken.set(apply(project, input, eventId));
            });
    if (saved.isEmpty()) {
      log.info("No project {} for {}", projectId, input.getClass().getSimpleName());
      return Optional.empty();
    }
    Step step = new Step(saved.get(), taken.get());
    if (step.rows().isEmpty()) {
      log.info(
          "Project {} is {}; {} ignored",
          projectId,
          step.project().getState(),
          input.getClass().getSimpleName());
    } else if (step.project().getPendingAction() != null) {
      Action action = step.project().getPendingAction();
      if (action == Action.CLEAN_UP) {
        run(projectId, action);
      } else {
        lanes.submit(projectId, () -> run(projectId, action));
      }
    }
    return Optional.of(step);
  }

  private List<Row<?>> apply(Project project, Object input, String eventId) {
    List<Row<?>> rows = new ArrayList<>();
    if (!project.markHandled(eventId)) {
      log.info("Duplicate event {} for project {} ignored", eventId, project.getId());
      return rows;
    }
    Optional<Row<?>> row = table.find(project, input);
    while (row.isPresent()) {
      Row<?> step = row.get();
      String message = step.recordOn(project, input);
      project.enter(step.to(), step.trigger(), message, step.action(), store.clock().instant());
      rows.add(step);
      row = step.replay() ? table.find(project, input) : Optional.empty();
    }
    return rows;
  }

  /**
   * Runs {@code action} outside the store's save, one action per project at a time (clean-up
   * excepted: it never waits for a slow deployment); then dispatches its follow-up input, or its
   * failure.
   */
  private void run(String projectId, Action action) {
    ReentrantLock lock =
        action == Action.CLEAN_UP
            ? new ReentrantLock()
            : actionLocks.computeIfAbsent(projectId, id -> new ReentrantLock());
    lock.lock();
    Optional<Signal> followUp;
    try {
      followUp = actions.run(projectId, action);
    } catch (RuntimeException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Project {}: {} failed: {}", projectId, action, reason);
      dispatch(projectId, new Signal.ActionFailed(reason), null, action);
      return;
    } finally {
      lock.unlock();
    }
    if (followUp.isPresent()) {
      dispatch(projectId, followUp.get(), null, action);
    } else {
      store.change(projectId, project -> project.actionDone(action));
    }
  }
}
