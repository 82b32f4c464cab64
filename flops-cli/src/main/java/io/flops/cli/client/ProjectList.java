package io.flops.cli.client;

import io.flops.common.api.ProjectSummary;
import java.util.List;

/**
 * Projects as a client read them, newest first, and how many matched in all.
 *
 * @param projects the projects read
 * @param total how many projects matched the filters (the manager's {@code X-Total-Count}); more
 *     than {@code projects} when the client stopped reading early
 */
public record ProjectList(List<ProjectSummary> projects, long total) {

  public ProjectList {
    projects = List.copyOf(projects);
  }

  /** True when the manager holds matching projects that were not read. */
  public boolean truncated() {
    return total > projects.size();
  }
}
