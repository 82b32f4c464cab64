package io.flops.manager.mqtt;

import io.flops.common.events.Topics;

/**
 * Who is connected to the embedded broker, and what they may do: the manager everything; the
 * services of one project (or mock-data job) publish component reports ({@code
 * flops_manager/<component>/<status>}) and their own project's observer stream, and read only that
 * stream.
 *
 * @param projectId the project or job whose services these are; null for the manager
 */
public record BrokerIdentity(String projectId) {

  /** The manager itself. */
  public static final BrokerIdentity MANAGER = new BrokerIdentity(null);

  /** The services of project or job {@code id}. */
  public static BrokerIdentity servicesOf(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("A service identity needs a project id");
    }
    return new BrokerIdentity(id);
  }

  /** True for the manager. */
  public boolean isManager() {
    return projectId == null;
  }

  /** Whether this identity may publish to {@code topic} (a topic name, never a filter). */
  public boolean mayPublish(String topic) {
    if (isManager()) {
      return true;
    }
    if (topic.contains("+") || topic.contains("#")) {
      return false;
    }
    if (topic.equals(Topics.observer(projectId))) {
      return true;
    }
    return topic.startsWith(Topics.MANAGER_PREFIX)
        && topic.substring(Topics.MANAGER_PREFIX.length()).split("/", -1).length == 2;
  }

  /** Whether this identity may subscribe to {@code filter}. */
  public boolean maySubscribe(String filter) {
    return isManager() || filter.equals(Topics.observer(projectId));
  }
}
