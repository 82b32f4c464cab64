package io.flops.builder;

import io.flops.builder.plan.BuildPlan;
import io.flops.builder.plan.PlanRunner;
import io.flops.common.events.ComponentEvent;
import io.flops.common.launch.BuilderLaunch;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the configured plan once; its outcome becomes the process's exit code. */
@Component
public class BuildCommand implements ApplicationRunner, ExitCodeGenerator {

  private final List<BuildPlan> plans;
  private final PlanRunner runner;
  private final BuilderLaunch launch;
  private PlanRunner.Result result;

  public BuildCommand(List<BuildPlan> plans, PlanRunner runner, BuilderLaunch launch) {
    this.plans = plans;
    this.runner = runner;
    this.launch = launch;
  }

  @Override
  public void run(ApplicationArguments args) {
    ComponentEvent.BuildPlan wanted = launch.plan();
    String projectId = launch.service().projectId();
    var plan = plans.stream().filter(candidate -> candidate.kind() == wanted).findFirst();
    result =
        plan.isPresent()
            ? runner.run(plan.get(), projectId)
            : runner.reject(
                wanted,
                projectId,
                "This builder has no "
                    + wanted.name().toLowerCase()
                    + " plan; its plans are "
                    + plans.stream().map(p -> p.kind().name().toLowerCase()).toList()
                    + ".");
  }

  /** The outcome of the run, once it has happened. */
  public PlanRunner.Result result() {
    return result;
  }

  @Override
  public int getExitCode() {
    return result == null ? 1 : result.exitCode();
  }
}
