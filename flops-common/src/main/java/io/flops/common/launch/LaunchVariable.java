package io.flops.common.launch;

/**
 * One environment variable of a launch contract. Each launch record owns an enum of its variables,
 * so every name is spelled once, next to the record that reads and writes it.
 */
public interface LaunchVariable {

  /** The variable's name in the environment, e.g. {@code FLOPS_PROJECT_ID}. */
  String envName();
}
