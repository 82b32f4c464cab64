package io.flops.common.events;

/**
 * MQTT topic names. Components report to the manager on {@code flops_manager/<component>/<status>}
 * (names as in the original FLOps); every component also writes the human-readable project stream
 * {@code project_observer/<project id>} that the project's observer collects.
 */
public final class Topics {

  /** Prefix of every component → manager topic. */
  public static final String MANAGER_PREFIX = "flops_manager/";

  /** Subscription filter for all component → manager topics. */
  public static final String ALL_MANAGER_TOPICS = MANAGER_PREFIX + "+/+";

  /** Prefix of the per-project observer streams. */
  public static final String OBSERVER_PREFIX = "project_observer/";

  private Topics() {}

  /** {@code flops_manager/<component>/<status>}. */
  public static String manager(Component component, String status) {
    return MANAGER_PREFIX + component.topicSegment() + "/" + status;
  }

  /** {@code project_observer/<projectId>}. */
  public static String observer(String projectId) {
    return OBSERVER_PREFIX + projectId;
  }
}
