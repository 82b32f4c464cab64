package io.flops.benchmarks.build;

import io.flops.builder.BuildCommand;
import io.flops.builder.BuilderApplication;
import io.flops.builder.plan.BuildOutcome;
import io.flops.builder.plan.BuiltImage;
import io.flops.builder.plan.PlanRunner;
import io.flops.common.image.registry.RegistryClient;
import io.flops.common.sla.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark command (not a test): builds a repository cold (empty layer cache) and then warm (a new
 * commit with the same code, cache and registry filled) with the builder's own configuration, and
 * prints total and per-step times, bytes pushed and each image's compressed and uncompressed size
 * per platform. Takes the builder's {@code --flops.builder.*} arguments (a registry is required)
 * plus {@code --benchmark.repo-dir=<dir>} to build a plain directory (copied and committed). See
 * docs/builder.md.
 */
public final class BuildBenchmark {

  private BuildBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> builderArgs = new ArrayList<>(List.of(args));
    Path work = Files.createTempDirectory("flops-benchmark-");
    Path repo = null;
    for (String arg : args) {
      if (arg.startsWith("--benchmark.repo-dir=")) {
        Path source = Path.of(arg.substring(21)).toAbsolutePath().normalize();
        repo =
            copyAsGitRepository(
                source,
                work.resolve(source.getParent().getFileName().toString())
                    .resolve(source.getFileName().toString()));
        builderArgs.remove(arg);
        builderArgs.add("--flops.builder.repo-url=" + repo.toUri());
      }
    }
    builderArgs.add("--flops.builder.cache-dir=" + work.resolve("jib-cache"));
    builderArgs.add("--logging.level.root=WARN");
    String registry = argument(builderArgs, "--flops.builder.registry=");
    var sizes = new ImageSizes(new RegistryClient(registry, true, Duration.ofSeconds(60)));
    BuildOutcome cold = run("cold", builderArgs);
    print("cold", cold, sizes);
    if (repo != null) {
      commitEmpty(repo);
    }
    BuildOutcome warm = run("warm", builderArgs);
    print("warm", warm, sizes);
  }

  private static BuildOutcome run(String label, List<String> args) {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(BuilderApplication.class)
            .web(WebApplicationType.NONE)
            .run(args.toArray(String[]::new));
    PlanRunner.Result result = context.getBean(BuildCommand.class).result();
    SpringApplication.exit(context);
    if (result.outcome() == null) {
      throw new IllegalStateException("The " + label + " build failed: " + result.failure());
    }
    return result.outcome();
  }

  private static void print(String label, BuildOutcome outcome, ImageSizes sizes) throws Exception {
    System.out.printf("%n== %s build of commit %s%n", label, outcome.source());
    outcome
        .timingsMillis()
        .forEach((step, millis) -> System.out.printf("  %-18s %8.1f s%n", step, millis / 1000.0));
    System.out.printf("  %-18s %8.1f MB%n", "bytes pushed", outcome.bytesPushed() / 1e6);
    for (BuiltImage image : outcome.images()) {
      System.out.printf("  %s%n", image.reference());
      for (Map.Entry<Platform, BuiltImage.Size> entry : sizes.of(image.reference()).entrySet()) {
        System.out.printf(
            "    %-12s compressed %7.1f MB, uncompressed %7.1f MB%n",
            entry.getKey(),
            entry.getValue().compressed() / 1e6,
            entry.getValue().uncompressed() / 1e6);
      }
    }
  }

  private static String argument(List<String> args, String prefix) {
    return args.stream()
        .filter(arg -> arg.startsWith(prefix))
        .map(arg -> arg.substring(prefix.length()))
        .filter(value -> !value.isBlank())
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("The benchmark needs " + prefix + "<host:port>"));
  }

  private static Path copyAsGitRepository(Path source, Path target) throws Exception {
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path relative = source.relativize(file);
        if (relative.startsWith("target") || relative.startsWith(".git")) {
          continue;
        }
        Files.createDirectories(target.resolve(relative).getParent());
        Files.copy(file, target.resolve(relative));
      }
    }
    try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("benchmark").setAuthor(who()).setCommitter(who()).call();
    }
    return target;
  }

  private static void commitEmpty(Path repo) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      git.commit()
          .setAllowEmpty(true)
          .setMessage("warm")
          .setAuthor(who())
          .setCommitter(who())
          .call();
    }
  }

  private static PersonIdent who() {
    return new PersonIdent("FLOps benchmark", "benchmark@flops.io");
  }
}
