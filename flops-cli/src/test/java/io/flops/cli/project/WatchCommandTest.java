package io.flops.cli.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.CliRun;
import io.flops.cli.StubManager;
import io.flops.cli.command.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** watch (and submit --watch) show the demo's progress view and end with the project's outcome. */
class WatchCommandTest {

  private static final String EVENTS =
      """
      {"project_id":"p1","last_seq":3,"events":[
       {"seq":1,"id":"e1","ts":"2026-11-23T12:00:00Z","source":"manager","level":"INFO",
        "kind":"STATE","message":"Project accepted.","data":{"to":"ACCEPTED"}},
       {"seq":2,"id":"e2","ts":"2026-11-23T12:00:40Z","source":"builder","level":"INFO",
        "kind":"BUILD_STEP","message":"Compiling with Maven took 15.7 s.",
        "data":{"step":"compile","duration_ms":15700}},
       {"seq":3,"id":"e3","ts":"2026-11-23T12:02:00Z","source":"aggregator","level":"INFO",
        "kind":"ROUND","message":"Round 1 finished",
        "data":{"round":1,"loss":0.18,"accuracy":0.9458,"learners":2,"duration_ms":46300}}]}""";

  private final StubManager manager = new StubManager();

  @TempDir Path dir;

  @AfterEach
  void stop() {
    manager.close();
  }

  @Test
  void aCompletedProjectShowsStatesStepsRoundsAndResultsAndExitsZero() {
    manager.on("GET", "/api/flops/projects/p1", 200, ProjectCommandsTest.TRAINING);
    manager.on("GET", "/api/flops/projects/p1", 200, ProjectCommandsTest.COMPLETED);
    manager.on("GET", "/api/flops/projects/p1/events", 200, EVENTS);

    CliRun run = CliRun.against(manager, "watch", "p1");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("ACCEPTED                 Project accepted.")
        .contains("build    Compiling with Maven took 15.7 s.")
        .contains("aggregator                 1    0.1800    0.9458        2   46.3 s")
        .contains("Project p1 COMPLETED after 6:30 min")
        .contains("0.9677 (loss 0.1068), the best round")
        .contains("experiment 7, best round's run r9 (model runs:/r9/model)");
  }

  @Test
  void submitWatchEndsWithTheExitCodeOfAFailedProject() throws Exception {
    Path sla =
        Files.writeString(
            dir.resolve("sla.json"),
            "{\"ml_repo_url\":\"https://example.invalid/x\",\"ml_model_flavor\":\"dl4j\"}");
    manager.on("POST", "/api/flops/projects", 201, "{\"flops_project_id\":\"p1\"}");
    manager.on(
        "GET",
        "/api/flops/projects/p1",
        200,
        ProjectCommandsTest.COMPLETED
            .replace("COMPLETED", "FAILED")
            .replace(
                "\"accuracy\"",
                "\"failure_reason\":\"cannot find symbol\",\"failing_component\":\"builder\","
                    + "\"accuracy\""));
    manager.on("GET", "/api/flops/projects/p1/events", 200, EVENTS);

    CliRun run = CliRun.against(manager, "submit", sla.toString(), "--watch");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILED.code()).isEqualTo(8);
    assertThat(run.out()).contains("Project p1 FAILED").contains("cannot find symbol (builder)");
  }

  @Test
  void aCancelledProjectHasItsOwnExitCodeAndAnUnknownOneIsNotFound() {
    manager.on(
        "GET",
        "/api/flops/projects/p1",
        200,
        ProjectCommandsTest.COMPLETED.replace("COMPLETED", "CANCELLED"));
    manager.on("GET", "/api/flops/projects/p1/events", 200, EVENTS);

    assertThat(CliRun.against(manager, "watch", "p1").exitCode())
        .isEqualTo(ExitCode.CANCELLED.code());
    assertThat(CliRun.against(manager, "watch", "nope").exitCode())
        .isEqualTo(ExitCode.NOT_FOUND.code());
  }

  @Test
  void watchingWithJsonOutputIsAUsageError() throws Exception {
    Path sla = Files.writeString(dir.resolve("sla.json"), "{}");

    CliRun run = CliRun.against(manager, "submit", sla.toString(), "--watch", "-o", "json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(manager.requests()).isEmpty();
  }
}
