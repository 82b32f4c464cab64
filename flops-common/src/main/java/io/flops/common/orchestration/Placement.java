package io.flops.common.orchestration;

import java.util.List;

/**
 * Where a service may run.
 *
 * @param addons worker add-ons it needs, e.g. {@code FLOps-learner} or {@code image-builder}
 * @param cluster the cluster name it must run in (hierarchical FL), or null for any
 */
public record Placement(List<String> addons, String cluster) {

  /** Anywhere. */
  public static final Placement ANYWHERE = new Placement(List.of(), null);

  public Placement {
    addons = List.copyOf(addons);
  }

  /** Workers with {@code addon}. */
  public static Placement needs(String addon) {
    return new Placement(List.of(addon), null);
  }

  /** The same add-ons, restricted to {@code clusterName}. */
  public Placement inCluster(String clusterName) {
    return new Placement(addons, clusterName);
  }
}
