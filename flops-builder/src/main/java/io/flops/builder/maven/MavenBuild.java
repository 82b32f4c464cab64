package io.flops.builder.maven;

import io.flops.builder.image.JarCoordinates;
import io.flops.builder.plan.BuildFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a user's repository with the real Maven and lists its runtime dependencies (scope
 * compile and runtime; {@code provided} ones such as {@code flops-ml-api} stay out) as files of the
 * local repository, so image layers come from stable paths that Jib's cache recognises. The bundled
 * {@code flops-ml-api} is put into the local repository first. JavaCPP natives are resolved for
 * {@code nativeClassifier} (the build host).
 */
public final class MavenBuild {

  static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
  private static final int SHOWN_ERRORS = 3;

  private final MavenRunner maven;
  private final MlApiArtifact mlApi;

  public MavenBuild(MavenRunner maven, MlApiArtifact mlApi) {
    this.maven = maven;
    this.mlApi = mlApi;
  }

  /** Compiles {@code repo}; the Maven log goes to {@code workDir}. */
  public CompiledRepository compile(Path repo, String nativeClassifier, Path workDir)
      throws BuildFailure {
    try {
      mlApi.installInto(maven.localRepository());
    } catch (IOException e) {
      throw new BuildFailure(
          "Cannot put flops-ml-api into the Maven repository "
              + maven.localRepository()
              + ": "
              + e.getMessage()
              + ".",
          e);
    }
    Path classpath = workDir.resolve("runtime-classpath.txt");
    MavenRunner.Run run =
        maven.run(
            repo,
            List.of(
                "-Djavacpp.platform=" + nativeClassifier,
                "-Dmaven.test.skip=true",
                "compile",
                DEPENDENCY_PLUGIN + ":build-classpath",
                "-DincludeScope=runtime",
                "-Dmdep.outputFile=" + classpath.toAbsolutePath()),
            workDir.resolve("maven-compile.log"));
    if (run.exitCode() != 0) {
      throw new BuildFailure(failure(run.log(), repo));
    }
    Path classes = repo.resolve("target/classes");
    if (!Files.isDirectory(classes)) {
      throw new BuildFailure("The repository compiled no classes: it has no src/main/java.");
    }
    return new CompiledRepository(classes, jars(classpath), maven.localRepository());
  }

  /** The bundled flops-ml-api jar, written into {@code directory}. */
  public Path mlApiJar(Path directory) throws BuildFailure {
    try {
      return mlApi.writeJar(directory);
    } catch (IOException e) {
      throw new BuildFailure("Cannot write the flops-ml-api jar: " + e.getMessage() + ".", e);
    }
  }

  /**
   * Finds {@code original}'s sibling jar with {@code classifier} in the local repository, asking
   * Maven to download it when it is not there yet.
   */
  public Optional<Path> find(JarCoordinates original, String classifier, Path workDir)
      throws BuildFailure {
    Path file =
        maven
            .localRepository()
            .resolve(original.group().replace('.', '/'))
            .resolve(original.artifact())
            .resolve(original.version())
            .resolve(original.artifact() + "-" + original.version() + "-" + classifier + ".jar");
    if (!Files.isRegularFile(file)) {
      String coordinates =
          original.group()
              + ":"
              + original.artifact()
              + ":"
              + original.version()
              + ":jar:"
              + classifier;
      maven.run(
          workDir,
          List.of(DEPENDENCY_PLUGIN + ":get", "-Dartifact=" + coordinates, "-Dtransitive=false"),
          workDir.resolve("maven-get-" + original.artifact() + "-" + classifier + ".log"));
    }
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static List<Path> jars(Path classpath) throws BuildFailure {
    try {
      String text = Files.isRegularFile(classpath) ? Files.readString(classpath).strip() : "";
      return text.isEmpty()
          ? List.of()
          : java.util.Arrays.stream(text.split(java.io.File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new BuildFailure("Cannot read the repository's classpath: " + e.getMessage() + ".", e);
    }
  }

  private static String failure(List<String> log, Path repo) {
    List<String> errors = CompilerErrors.first(log, repo, SHOWN_ERRORS);
    if (!errors.isEmpty()) {
      return "The repository does not compile: " + String.join("; ", errors) + ".";
    }
    return "Maven could not build the repository: " + CompilerErrors.firstError(log);
  }
}
