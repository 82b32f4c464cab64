package io.flops.learner.training;

import io.flops.common.fl.FlClientSettings;
import java.time.Duration;
import java.util.List;

/**
 * Everything a learner needs to run, independent of how it was configured.
 *
 * @param client how it connects to its aggregator (address, name, project, tags, heartbeats)
 * @param failureReportTimeout how long it tries to tell the aggregator that it cannot take part
 */
public record LearnerSettings(FlClientSettings client, Duration failureReportTimeout) {

  public String projectId() {
    return client.projectId();
  }

  public String name() {
    return client.name();
  }

  public List<String> dataTags() {
    return client.dataTags();
  }
}
