package io.flops.cli.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.cli.client.ManagerClient;
import io.flops.common.api.ProjectView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the projects of an evaluation one after another against a running manager: for each it
 * samples the resources while it runs, submits the SLA, follows the project until it ends and keeps
 * its stage timings and rounds.
 */
public final class EvaluationRunner {

  private static final Duration POLL = Duration.ofSeconds(1);

  private final ManagerClient manager;
  private final ResourceSampler sampler;
  private final Duration sampleInterval;
  private final Duration timeout;
  private final Consumer<String> progress;

  /**
   * @param manager the manager's API
   * @param sampler what to measure while a project runs, or null to measure nothing
   * @param sampleInterval the time between two resource samples
   * @param timeout how long one project may take from submission to its end
   * @param progress where a line per run and stage goes
   */
  public EvaluationRunner(
      ManagerClient manager,
      ResourceSampler sampler,
      Duration sampleInterval,
      Duration timeout,
      Consumer<String> progress) {
    this.manager = manager;
    this.sampler = sampler;
    this.sampleInterval = sampleInterval;
    this.timeout = timeout;
    this.progress = progress;
  }

  /** Runs {@code runs} projects of {@code sla}, one after another. */
  public List<RunRecord> run(JsonNode sla, int runs) {
    List<RunRecord> records = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      records.add(runOnce(run, sla));
    }
    return records;
  }

  private RunRecord runOnce(int run, JsonNode sla) {
    RunFollower follower = new RunFollower(manager, POLL, progress);
    try (SamplingLoop sampling = SamplingLoop.start(sampler, sampleInterval)) {
      Instant submitted = Instant.now();
      String id = manager.createProject(sla);
      progress.accept("Run " + run + ": project " + id);
      ProjectView ended = follower.follow(id, submitted, timeout);
      sampling.close();
      RunRecord record =
          new RunRecord(
              run,
              id,
              ended.state(),
              ended.accuracy(),
              ended.loss(),
              ended.failureReason(),
              new StageTimeline(submitted, ended.stageTimings()),
              follower.rounds(),
              sampling.samples());
      progress.accept(describe(record, sampling.lastError()));
      return record;
    }
  }

  private static String describe(RunRecord record, String samplingError) {
    String line =
        "Run "
            + record.run()
            + ": "
            + record.state()
            + record
                .timeline()
                .total()
                .map(total -> " after " + total.toSeconds() + " s")
                .orElse("")
            + (record.accuracy() == null ? "" : ", accuracy " + record.accuracy())
            + ", "
            + record.rounds().size()
            + " rounds, "
            + record.samples().size()
            + " resource samples"
            + (record.failureReason() == null ? "" : "; " + record.failureReason());
    return samplingError == null ? line : line + " (a reading failed: " + samplingError + ")";
  }
}
