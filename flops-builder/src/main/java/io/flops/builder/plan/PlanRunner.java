package io.flops.builder.plan;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link BuildPlan} and reports it: {@code started}, then {@code success} with images,
 * commit, step timings and bytes pushed, or {@code failed} with one sentence. Never throws: a
 * failure is an outcome with exit code 1.
 */
public final class PlanRunner {

  private static final Logger log = LoggerFactory.getLogger(PlanRunner.class);

  private final EventPublisher events;
  private final Path workRoot;
  private final boolean verbose;

  public PlanRunner(EventPublisher events, Path workRoot, boolean verbose) {
    this.events = events;
    this.workRoot = workRoot;
    this.verbose = verbose;
  }

  /** The result of a run: the outcome on success, the failure sentence otherwise. */
  public record Result(BuildOutcome outcome, String failure) {
    public int exitCode() {
      return failure == null ? 0 : 1;
    }
  }

  /** Runs {@code plan} for {@code projectId}. */
  public Result run(BuildPlan plan, String projectId) {
    ComponentEvent.BuildPlan kind = plan.kind();
    events.publish(new ComponentEvent.BuilderStarted(id(), projectId, kind));
    long start = System.nanoTime();
    Path workDir = null;
    try {
      Files.createDirectories(workRoot);
      workDir = Files.createTempDirectory(workRoot, "build-");
      BuildContext context = new BuildContext(projectId, workDir, events, verbose);
      context.observe(
          ObserverEvent.Level.INFO, ObserverEvent.Kind.LOG, "Image builder started.", Map.of());
      BuildOutcome outcome = plan.run(context);
      Map<String, Long> timings = new LinkedHashMap<>(outcome.timingsMillis());
      timings.put("total", (System.nanoTime() - start) / 1_000_000);
      succeeded(kind, projectId, outcome, timings, context);
      return new Result(
          new BuildOutcome(
              outcome.images(),
              outcome.source(),
              timings,
              outcome.bytesPushed(),
              outcome.pushedBlobs()),
          null);
    } catch (BuildFailure e) {
      return failed(kind, projectId, e.getMessage());
    } catch (IOException | RuntimeException e) {
      log.error("Build crashed", e);
      return failed(
          kind,
          projectId,
          "The builder crashed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    } finally {
      delete(workDir);
    }
  }

  private static void delete(Path directory) {
    if (directory == null) {
      return;
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("Could not delete the work directory {}: {}", directory, e.getMessage());
    }
  }

  /** Reports a build that cannot even start (e.g. an unknown plan) as failed. */
  public Result reject(ComponentEvent.BuildPlan kind, String projectId, String reason) {
    return failed(kind, projectId, reason);
  }

  private void succeeded(
      ComponentEvent.BuildPlan kind,
      String projectId,
      BuildOutcome outcome,
      Map<String, Long> timings,
      BuildContext context) {
    var images = outcome.images().stream().map(BuiltImage::reference).toList();
    events.publish(
        new ComponentEvent.BuilderSucceeded(
            id(), projectId, kind, images, outcome.source(), timings, outcome.bytesPushed()));
    context.observe(
        ObserverEvent.Level.INFO,
        ObserverEvent.Kind.LOG,
        "Images built in "
            + String.format("%.1f s", timings.get("total") / 1000.0)
            + ": "
            + String.join(", ", images)
            + ".",
        Map.of("images", images, "bytes_pushed", outcome.bytesPushed()));
    log.info(
        "Build succeeded: {} ({} bytes pushed, timings {})",
        images,
        outcome.bytesPushed(),
        timings);
  }

  private Result failed(ComponentEvent.BuildPlan kind, String projectId, String reason) {
    log.error("Build failed: {}", reason);
    events.publish(new ComponentEvent.BuilderFailed(id(), projectId, kind, reason));
    events.publish(
        projectId,
        new ObserverEvent(
            id(),
            java.time.Instant.now(),
            "builder",
            ObserverEvent.Level.ERROR,
            ObserverEvent.Kind.LOG,
            "Image build failed: " + reason,
            Map.of()));
    return new Result(null, reason);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
