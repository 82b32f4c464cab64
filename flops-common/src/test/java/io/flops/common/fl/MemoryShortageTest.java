package io.flops.common.fl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemoryShortageTest {

  /** Stands in for org.apache.arrow.memory.OutOfMemoryException, recognised by its message. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(new OutOfMemoryError("Java heap space"), true),
        Arguments.of(new IllegalStateException("fit failed", new OutOfMemoryError()), true),
        Arguments.of(
            new RuntimeException(
                "Failed to read message.",
                new IOException("Unable to allocate buffer of size 4096 due to memory limit")),
            true),
        Arguments.of(new IllegalStateException("no data for tags [mnist]"), false),
        Arguments.of(new RuntimeException("Failed to read message."), false));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void recognisesRunningOutOfMemoryAnywhereInTheCauseChain(Throwable failure, boolean shortage) {
    assertThat(MemoryShortage.isShortage(failure)).isEqualTo(shortage);
    assertThat(MemoryShortage.describe("learner-0", failure).isPresent()).isEqualTo(shortage);
  }

  @ParameterizedTest
  @MethodSource("failures")
  void theSentenceNamesTheComponentTheLimitAndWhatToRaise(Throwable failure, boolean shortage) {
    assertThat(MemoryShortage.sentence("learner-0", 100))
        .isEqualTo(
            "learner-0 ran out of memory (limit 100 MiB); raise resource_constraints.memory");
    MemoryShortage.describe("learner-0", failure)
        .ifPresent(
            sentence ->
                assertThat(sentence)
                    .isEqualTo(
                        MemoryShortage.sentence(
                            "learner-0", Runtime.getRuntime().maxMemory() >> 20)));
  }
}
