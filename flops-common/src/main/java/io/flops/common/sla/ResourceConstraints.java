package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Limits per learner and aggregator instance (the original stored them but never applied them; we
 * pass them to the orchestrator).
 *
 * @param memory MiB, default {@value #DEFAULT_MEMORY_MIB} (0: no limit); the manager gives a JVM
 *     service at least {@value #MIN_JVM_MEMORY_MIB}
 * @param vcpus virtual CPUs, default 1 (0: no limit)
 * @param storage MiB, default 0 (no limit)
 */
public record ResourceConstraints(
    @JsonProperty("memory") @PositiveOrZero @Max(1_048_576) Integer memory,
    @JsonProperty("vcpus") @PositiveOrZero @Max(1024) Integer vcpus,
    @JsonProperty("storage") @PositiveOrZero @Max(10_485_760) Integer storage) {

  /**
   * Memory of a learner or aggregator without a limit in the SLA. The original's 100 MiB is too
   * small for a JVM learner: the JVM, DL4J and ND4J's native buffers take ~200 MiB before any data,
   * and the MNIST partitions another few hundred (docs/sla.md).
   */
  public static final int DEFAULT_MEMORY_MIB = 1024;

  /** The least memory a JVM service gets, whatever the SLA says (docs/sla.md). */
  public static final int MIN_JVM_MEMORY_MIB = 256;

  /** The defaults: {@value #DEFAULT_MEMORY_MIB} MiB, 1 vCPU, no storage limit. */
  public static final ResourceConstraints DEFAULTS = new ResourceConstraints(null, null, null);

  public ResourceConstraints {
    memory = memory == null ? DEFAULT_MEMORY_MIB : memory;
    vcpus = vcpus == null ? 1 : vcpus;
    storage = storage == null ? 0 : storage;
  }
}
