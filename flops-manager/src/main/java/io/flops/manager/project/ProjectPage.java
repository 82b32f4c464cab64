package io.flops.manager.project;

import java.util.List;

/**
 * One page of the project list.
 *
 * @param projects the page's projects, newest first
 * @param next where the next page starts; null on the last page
 * @param total how many projects match the list's filters, on every page
 */
public record ProjectPage(List<Project> projects, ProjectCursor next, long total) {

  public ProjectPage {
    projects = List.copyOf(projects);
  }
}
