package io.flops.manager.deploy;

import io.flops.manager.project.Project;

/**
 * The names of a project's services: {@code <role prefix><project id>[<cluster index>]}, letters
 * and digits only and at most 30 of them, which is what Oakestra accepts ({@code
 * ^[a-zA-Z0-9]{1,30}$}) and every other platform too. {@link
 * io.flops.common.orchestration.ServiceSpec} refuses any other name.
 */
final class ServiceNames {

  private ServiceNames() {}

  /** The aggregator of the {@code index}-th cluster (from 1). */
  static String clusterAggregator(Project project, int index) {
    return "cag" + project.getId() + index;
  }

  /** The learners of the project, or of one cluster of it. */
  static String learners(Project project, ClusterSlot cluster) {
    return "flearner" + project.getId() + (cluster == null ? "" : "c" + cluster.index());
  }
}
