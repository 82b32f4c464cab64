package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Limits per learner and aggregator instance (the original stored them but never applied them; we
 * pass them to the orchestrator).
 *
 * @param memory MiB, default 100 (0: no limit)
 * @param vcpus virtual CPUs, default 1 (0: no limit)
 * @param storage MiB, default 0 (no limit)
 */
public record ResourceConstraints(
    @JsonProperty("memory") @PositiveOrZero @Max(1_048_576) Integer memory,
    @JsonProperty("vcpus") @PositiveOrZero @Max(1024) Integer vcpus,
    @JsonProperty("storage") @PositiveOrZero @Max(10_485_760) Integer storage) {

  /** The original's defaults: 100 MiB, 1 vCPU, no storage limit. */
  public static final ResourceConstraints DEFAULTS = new ResourceConstraints(null, null, null);

  public ResourceConstraints {
    memory = memory == null ? 100 : memory;
    vcpus = vcpus == null ? 1 : vcpus;
    storage = storage == null ? 0 : storage;
  }
}
