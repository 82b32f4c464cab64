package io.flops.common.fl;

import java.util.Optional;

/**
 * Recognises running out of memory — a {@link OutOfMemoryError} (heap or direct buffers) or an
 * Apache Arrow allocation failure ({@code org.apache.arrow.memory.OutOfMemoryException}) anywhere
 * in a cause chain — and says so in one sentence with the limit and what to do.
 */
public final class MemoryShortage {

  private static final String ARROW_OUT_OF_MEMORY = "org.apache.arrow.memory.OutOfMemoryException";

  private MemoryShortage() {}

  /**
   * "{@code <component> ran out of memory (limit <N> MiB); raise resource_constraints.memory}" when
   * {@code failure} is a memory shortage, the limit being this JVM's maximum heap.
   */
  public static Optional<String> describe(String component, Throwable failure) {
    return isShortage(failure)
        ? Optional.of(sentence(component, Runtime.getRuntime().maxMemory() >> 20))
        : Optional.empty();
  }

  /** The sentence for {@code component} with a limit of {@code limitMebibytes}. */
  public static String sentence(String component, long limitMebibytes) {
    return component
        + " ran out of memory (limit "
        + limitMebibytes
        + " MiB); raise resource_constraints.memory";
  }

  /** Whether {@code failure} or one of its causes is a memory shortage. */
  public static boolean isShortage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError
          || t.getClass().getName().equals(ARROW_OUT_OF_MEMORY)
          || mentionsMemory(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsMemory(String message) {
    return message != null
        && (message.contains("OutOfMemoryError")
            || message.contains(ARROW_OUT_OF_MEMORY)
            || message.contains("due to memory limit"));
  }
}
