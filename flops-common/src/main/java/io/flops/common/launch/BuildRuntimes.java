package io.flops.common.launch;

import io.flops.common.launch.BuilderLaunch.Variable;
import java.nio.file.Path;

/**
 * The FLOps applications a builder packs into images, and the Maven it compiles with. A null part
 * is left out of the environment, so the builder's own setting (its image's, or the default)
 * applies.
 *
 * @param learner the learner's Spring Boot executable jar
 * @param aggregator the aggregator's executable jar
 * @param inference the inference server's executable jar
 * @param mavenCommand the Maven executable
 */
public record BuildRuntimes(Path learner, Path aggregator, Path inference, String mavenCommand) {

  /** Nothing given: the builder's own settings apply. */
  public static final BuildRuntimes UNSET = new BuildRuntimes(null, null, null, null);

  /** Where the builder image keeps the runtimes, and the Maven on a builder's PATH. */
  public static final BuildRuntimes DEFAULTS =
      new BuildRuntimes(
          Path.of("/opt/flops/runtime/flops-learner-exec.jar"),
          Path.of("/opt/flops/runtime/flops-aggregator-exec.jar"),
          Path.of("/opt/flops/runtime/flops-inference-exec.jar"),
          "mvn");

  static BuildRuntimes read(LaunchReader read) {
    return new BuildRuntimes(
        read.path(Variable.RUNTIME_LEARNER, DEFAULTS.learner()),
        read.path(Variable.RUNTIME_AGGREGATOR, DEFAULTS.aggregator()),
        read.path(Variable.RUNTIME_INFERENCE, DEFAULTS.inference()),
        read.text(Variable.MAVEN_COMMAND, DEFAULTS.mavenCommand()));
  }

  void write(LaunchWriter write) {
    write
        .put(Variable.RUNTIME_LEARNER, learner)
        .put(Variable.RUNTIME_AGGREGATOR, aggregator)
        .put(Variable.RUNTIME_INFERENCE, inference)
        .put(Variable.MAVEN_COMMAND, mavenCommand);
  }
}
