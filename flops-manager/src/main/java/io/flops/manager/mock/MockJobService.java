package io.flops.manager.mock;

import io.flops.common.api.MockJobState;
import io.flops.common.error.FlopsException;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.MockDataProviderFinished;
import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.DeploymentState;
import io.flops.common.orchestration.DeploymentStatus;
import io.flops.common.orchestration.Orchestrator;
import io.flops.common.sla.MockDataSla;
import io.flops.common.sla.SlaValidator;
import io.flops.manager.config.QuotaProperties;
import io.flops.manager.mqtt.ComponentEventListener;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Mock-data jobs: deploys one provider per job in the customer's helper application and follows it
 * by its {@code mock_data_provider} events and, when asked, its orchestrator status.
 */
@Service
public class MockJobService implements ComponentEventListener {

  private static final Logger log = LoggerFactory.getLogger(MockJobService.class);
  private static final int LOG_LINES = 5;

  private final MockJobRepository jobs;
  private final MockProviderSpecs specs;
  private final Orchestrator orchestrator;
  private final SlaValidator validator = new SlaValidator();
  private final Clock clock = Clock.systemUTC();

  private final QuotaProperties quotas;

  public MockJobService(
      MockJobRepository jobs,
      MockProviderSpecs specs,
      Orchestrator orchestrator,
      QuotaProperties quotas) {
    this.jobs = jobs;
    this.specs = specs;
    this.orchestrator = orchestrator;
    this.quotas = quotas;
  }

  /**
   * Validates {@code sla} and deploys its provider.
   *
   * @throws FlopsException invalid input, with one entry per bad field, or too many running jobs of
   *     the customer; nothing is deployed then
   */
  public MockJob create(MockDataSla sla) {
    validator.requireValid(sla);
    long running = jobs.countByCustomerIdAndState(sla.customerId(), MockJobState.RUNNING);
    if (running >= quotas.getRunningMockJobs()) {
      throw FlopsException.tooMany(
          "Customer "
              + sla.customerId()
              + " has "
              + running
              + " mock data jobs running, the most allowed (flops.quotas.running-mock-jobs);"
              + " wait until one ends.");
    }
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String helper =
        orchestrator.ensureApplication(
            new ApplicationSpec("helper", "helper", sla.customerId(), "FLOps helper"));
    String deploymentId =
        orchestrator.deploy(specs.provider(id, sla.mockDataConfiguration(), helper));
    log.info("Deployed mock data provider {} for job {}", deploymentId, id);
    return jobs.save(
        new MockJob(
            id,
            sla.customerId(),
            sla.mockDataConfiguration(),
            deploymentId,
            MockJobState.RUNNING,
            null,
            0,
            null,
            clock.instant(),
            clock.instant()));
  }

  /** One job, its state refreshed from the orchestrator while it runs; not found when unknown. */
  public synchronized MockJob get(String id) {
    MockJob job =
        jobs.findById(id)
            .orElseThrow(() -> FlopsException.notFound("There is no mock data job " + id + "."));
    if (job.state() != MockJobState.RUNNING) {
      return job;
    }
    DeploymentStatus status = orchestrator.status(job.deploymentId());
    if (status.state() == DeploymentState.COMPLETED) {
      return saveEnded(job.ended(MockJobState.COMPLETED, null, clock.instant()));
    }
    if (status.state() == DeploymentState.FAILED || status.state() == DeploymentState.UNKNOWN) {
      String reason =
          "The mock data provider ended as "
              + status.state()
              + ": "
              + status.message()
              + lastLogLines(job.deploymentId());
      return saveEnded(job.ended(MockJobState.FAILED, reason, clock.instant()));
    }
    return job;
  }

  /** "; last log lines: a | b" of the provider where the platform keeps them, else ".". */
  private String lastLogLines(String deploymentId) {
    List<String> lines;
    try {
      lines = orchestrator.recentLogs(deploymentId, 0, LOG_LINES);
    } catch (RuntimeException e) {
      lines = List.of();
    }
    return lines.isEmpty() ? "." : "; last log lines: " + String.join(" | ", lines);
  }

  /** Takes the mock data providers' reports; other events are not about mock jobs. */
  @Override
  public void onComponentEvent(ComponentEvent event) {
    if (event instanceof MockDataProviderFinished finished) {
      handle(finished);
    }
  }

  /** Applies a provider's report; reports of unknown jobs are logged and dropped. */
  public synchronized void handle(MockDataProviderFinished event) {
    MockJob job = jobs.findById(event.projectId()).orElse(null);
    if (job == null) {
      log.warn("Dropped a mock data provider event of the unknown job {}", event.projectId());
      return;
    }
    MockJob next =
        event.errorMessage() == null
            ? job.pushed(event.partition(), event.rows(), clock.instant())
            : job.ended(MockJobState.FAILED, event.errorMessage(), clock.instant());
    if (next != job) {
      if (next.state() == MockJobState.RUNNING) {
        jobs.save(next);
      } else {
        saveEnded(next);
      }
    }
  }

  /** Keeps a job that just ended and withdraws its provider's broker credential. */
  private MockJob saveEnded(MockJob ended) {
    MockJob saved = jobs.save(ended);
    try {
      specs.revokeCredentials(saved.id());
    } catch (RuntimeException e) {
      log.warn("Could not withdraw the broker identity of job {}: {}", saved.id(), e.getMessage());
    }
    return saved;
  }
}
