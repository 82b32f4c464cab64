package io.flops.manager.lifecycle;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Resumes projects at start-up and runs the watchdog on a fixed delay. */
@Component
public class LifecycleScheduler {

  private final ProjectWatchdog watchdog;
  private final TaskExecutor workers;

  public LifecycleScheduler(
      ProjectWatchdog watchdog, @Qualifier("flopsWorkers") TaskExecutor workers) {
    this.watchdog = watchdog;
    this.workers = workers;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void resumeProjects() {
    workers.execute(watchdog::resumeAll);
  }

  @Scheduled(
      fixedDelayString = "${flops.lifecycle.status-poll-interval:5s}",
      initialDelayString = "${flops.lifecycle.status-poll-interval:5s}")
  public void checkStatus() {
    watchdog.check();
  }
}
