package io.flops.manager.orchestration.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one service on this host, before per-instance settings are added.
 *
 * @param command the program and its arguments; a Java program starts with the host's {@code java}
 * @param environment variables the image itself defines
 * @param workingDir where it runs, or null for the instance directory
 */
record LaunchPlan(List<String> command, Map<String, String> environment, Path workingDir) {

  LaunchPlan {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }

  /** True when the program is a JVM, so memory and CPU limits become JVM options. */
  boolean isJava() {
    return !command.isEmpty() && Path.of(command.get(0)).getFileName().toString().equals("java");
  }
}
