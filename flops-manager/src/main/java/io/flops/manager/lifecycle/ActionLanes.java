package io.flops.manager.lifecycle;

/**
 * Where the {@link Lifecycle} runs the actions its steps ask for: one action of a project at a time
 * and in the order asked, different projects' in parallel, off the threads that apply events (so a
 * slow deployment never holds up the events of other projects, nor its own project's next events).
 */
@FunctionalInterface
public interface ActionLanes {

  /** Runs every action on the thread that asks for it (tests, and the manager's start-up). */
  ActionLanes DIRECT = (projectId, action) -> action.run();

  /** Runs {@code action} after every action asked for before it for {@code projectId}. */
  void submit(String projectId, Runnable action);
}
