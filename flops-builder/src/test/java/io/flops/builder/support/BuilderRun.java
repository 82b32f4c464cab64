package io.flops.builder.support;

import io.flops.builder.BuildCommand;
import io.flops.builder.BuilderApplication;
import io.flops.builder.plan.PlanRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the builder application in this JVM as its process would run (same properties, same exit
 * code), with a recording event publisher instead of MQTT.
 */
public record BuilderRun(int exitCode, PlanRunner.Result result, RecordingEventPublisher events) {

  /** Runs the builder with {@code properties} (e.g. {@code flops.builder.repo-url}). */
  public static BuilderRun run(Map<String, String> properties) {
    RecordingEventPublisher events = new RecordingEventPublisher();
    List<String> args = new ArrayList<>();
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BuilderApplication.class)
            .initializers(c -> c.getBeanFactory().registerSingleton("recordingPublisher", events))
            .run(args.toArray(String[]::new));
    PlanRunner.Result result = context.getBean(BuildCommand.class).result();
    int exitCode = SpringApplication.exit(context);
    return new BuilderRun(exitCode, result, events);
  }
}
