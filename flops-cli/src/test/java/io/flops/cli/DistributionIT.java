package io.flops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution {@code package} makes (target/flops-<version>/) works outside the checkout:
 * copied elsewhere and called through a symbolic link, {@code bin/flops} runs the command.
 */
class DistributionIT {

  private static final Path TARGET =
      Path.of(System.getProperty("flops.home", "..")).resolve("flops-cli").resolve("target");

  @TempDir Path elsewhere;

  @Test
  void theCopiedDistributionRunsThroughALinkFromAnyDirectory() throws Exception {
    Path dist = distribution();
    Path installed = elsewhere.resolve("opt").resolve(dist.getFileName().toString());
    copy(dist, installed);
    Path link = Files.createDirectories(elsewhere.resolve("bin")).resolve("flops");
    Files.createSymbolicLink(link, installed.resolve("bin").resolve("flops"));

    assertThat(Files.getPosixFilePermissions(dist.resolve("bin").resolve("flops")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(run(link, "--version")).startsWith("flops ");
    String init = run(link, "init", "my-model", "--template", "logistic");
    assertThat(init).contains("Created " + elsewhere.resolve("my-model"));
    assertThat(elsewhere.resolve("my-model").resolve("pom.xml")).exists();
  }

  private static Path distribution() throws IOException {
    try (Stream<Path> entries = Files.list(TARGET)) {
      return entries
          .filter(path -> path.getFileName().toString().matches("flops-\\d.*"))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no target/flops-<version>/; run mvn package"));
    }
  }

  private String run(Path flops, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(flops.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path path : tree.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
