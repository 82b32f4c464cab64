package io.flops.manager.project;

/** Told once, right after a project's terminal state was saved. */
@FunctionalInterface
public interface ProjectEndListener {

  /**
   * Reacts to the end of {@code project} (COMPLETED, FAILED or CANCELLED). A listener's failure is
   * logged and never changes the project.
   */
  void ended(Project project);
}
