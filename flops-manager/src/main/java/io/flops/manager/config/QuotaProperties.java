package io.flops.manager.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What one customer may have running at once ({@code flops.quotas.*}); a request beyond it is
 * answered 429 and starts nothing. Checked when a request arrives.
 */
@Validated
@ConfigurationProperties(prefix = "flops.quotas")
public class QuotaProperties {

  /** Projects of one customer that have not ended. */
  @Min(1)
  private int runningProjects = 10;

  /** Mock-data jobs of one customer that are still running. */
  @Min(1)
  private int runningMockJobs = 4;

  public int getRunningProjects() {
    return runningProjects;
  }

  public void setRunningProjects(int runningProjects) {
    this.runningProjects = runningProjects;
  }

  public int getRunningMockJobs() {
    return runningMockJobs;
  }

  public void setRunningMockJobs(int runningMockJobs) {
    this.runningMockJobs = runningMockJobs;
  }
}
