package io.flops.builder.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompilerErrorsTest {

  private static final Path REPO = Path.of("/tmp/build-1/repo");

  @Test
  void picksTheFirstCompilerErrorsWithRepositoryRelativePaths() {
    List<String> log =
        List.of(
            "[INFO] Compiling 3 source files",
            "[ERROR] COMPILATION ERROR : ",
            "[ERROR] /tmp/build-1/repo/src/main/java/a/B.java:[12,5] cannot find symbol",
            "  symbol:   class Foo",
            "  location: class a.B",
            "[ERROR] /tmp/build-1/repo/src/main/java/a/C.java:[3,1] class, interface, enum, or record expected",
            "[ERROR] /tmp/build-1/repo/src/main/java/a/B.java:[12,5] cannot find symbol",
            "  symbol:   class Foo",
            "[ERROR] /tmp/build-1/repo/src/main/java/a/D.java:[1,1] third",
            "[ERROR] /tmp/build-1/repo/src/main/java/a/E.java:[1,1] fourth");
    assertThat(CompilerErrors.first(log, REPO, 3))
        .containsExactly(
            "src/main/java/a/B.java:12: cannot find symbol (symbol: class Foo)",
            "src/main/java/a/C.java:3: class, interface, enum, or record expected",
            "src/main/java/a/D.java:1: third");
  }

  @Test
  void otherwiseNamesTheFirstMavenError() {
    List<String> log =
        List.of(
            "[INFO] BUILD FAILURE",
            "[ERROR] Failed to execute goal on project x: Could not resolve dependencies",
            "[ERROR] -> [Help 1]");
    assertThat(CompilerErrors.first(log, REPO, 3)).isEmpty();
    assertThat(CompilerErrors.firstError(log))
        .isEqualTo("Failed to execute goal on project x: Could not resolve dependencies");
  }
}
