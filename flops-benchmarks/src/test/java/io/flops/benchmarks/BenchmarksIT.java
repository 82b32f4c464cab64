package io.flops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documented benchmark commands run: {@code java -jar flops-benchmarks-<version>-exec.jar
 * fl|scale|control} with tiny settings ends with 0 and prints every figure. (The {@code build}
 * benchmark needs a registry and a base image; docs/builder.md.)
 */
class BenchmarksIT {

  @Test
  void theFlBenchmarkRunsAndPrintsEachFigure() throws Exception {
    Run run =
        run(
            "fl",
            "--learners",
            "2",
            "--aggregation-parameters",
            "1000",
            "--model-parameters",
            "1000",
            "--compute-ms",
            "10",
            "--rounds",
            "1",
            "--warmup-rounds",
            "5",
            "--transfer-parameters",
            "10000",
            "--transfer-passes",
            "1");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("Aggregation of 2 learners x 1,000 parameters", " GB/s ")
        .contains("Round overhead, 2 local learners, 1,000 parameters")
        .contains("floor: the same bytes to and from every learner over raw gRPC")
        .contains("Parameter transfer, 10,000 parameters (0 MB) each way, pass 1 of 1")
        .contains("Summary: FL transfer / raw gRPC");
  }

  @Test
  void theScaleBenchmarkRunsAndPrintsItsTable() throws Exception {
    Run run =
        run(
            "scale",
            "--largest",
            "10",
            "--clusters",
            "2",
            "--cluster-learners",
            "3",
            "--model-parameters",
            "1000",
            "--rounds",
            "1");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("| learners | round time | aggregator peak heap")
        .contains("| 10 (one aggregator) |")
        .contains("| 2 x 3 (hierarchical) |");
  }

  @Test
  void theTransferBenchmarkRunsAndPrintsEachFigure() throws Exception {
    Run run = run("transfer", "--rows", "2000", "--runs", "1", "--warmups", "0");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("payload 2000 rows")
        .contains("Arrow Flight DoPut", "Arrow Flight DoGet", "gRPC bytes server stream")
        .contains("Flight get / gRPC stream");
  }

  @Test
  void anUnknownBenchmarkIsAUsageError() throws Exception {
    Run run = run("nothing");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("fl|transfer|build");
  }

  private record Run(int exitCode, String output) {}

  private static Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(execJar().toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile("flops-benchmark-", ".txt");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(3, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("The benchmark " + args[0] + " did not end within 3 minutes");
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void theControlPlaneBenchmarkCarriesItsProjectsToTheEndAndPrintsEachFigure() throws Exception {
    Path manager;
    try (Stream<Path> files = Files.list(Path.of("..", "flops-manager", "target"))) {
      manager =
          files
              .filter(f -> f.getFileName().toString().matches("flops-manager-.*-exec\\.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("Package flops-manager first"));
    }

    Run run =
        run(
            "control",
            "--projects",
            "6",
            "--warm-up",
            "2",
            "--clients",
            "2",
            "--many-clients",
            "3",
            "--step-ms",
            "3000",
            "--manager-heap",
            "256m",
            "--manager-jar",
            manager.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("POST /api/flops/projects, 2 concurrent clients, 1 requests: p50 ")
        .contains("POST /api/flops/projects, 3 concurrent clients, 5 requests: p50 ")
        .contains("Warm-up: 2 projects ran to their end first")
        .contains("In flight: 6 of 6 projects; manager heap ")
        .containsPattern("Event throughput: (2|4|6|8|10|12) builder reports .* component events/s")
        .contains("Lifecycle: 6 of 6 projects COMPLETED with their states in order");
  }

  private static Path execJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(file -> file.getFileName().toString().matches("flops-benchmarks-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("Package flops-benchmarks first"));
    }
  }
}
