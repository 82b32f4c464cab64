package io.flops.common.orchestration;

/**
 * Resource limits of one instance, from the SLA's {@code resource_constraints}; 0 means no limit.
 *
 * @param memoryMb memory in MiB (local: {@code -Xmx}; containers: memory limit)
 * @param vcpus virtual CPUs (local: {@code -XX:ActiveProcessorCount}; containers: CPU quota)
 * @param storageMb disk in MiB, where the platform enforces it
 */
public record Resources(int memoryMb, int vcpus, int storageMb) {

  /** No limits. */
  public static final Resources NONE = new Resources(0, 0, 0);

  public Resources {
    if (memoryMb < 0 || vcpus < 0 || storageMb < 0) {
      throw new IllegalArgumentException("Resources must not be negative");
    }
  }
}
