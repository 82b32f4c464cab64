package io.flops.cli.init;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.cli.CliRun;
import io.flops.mlapi.ModelManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What flops init writes compiles and passes its own smoke test as generated: for each template,
 * {@code flops init}, then the checkout's Maven wrapper runs {@code verify} offline in the new
 * directory. The ML API comes from this build (written into a scratch local repository in front of
 * the build's own, {@code maven.repo.local.tail}), so nothing is installed anywhere.
 */
class InitIT {

  private static final Path HOME = Path.of(System.getProperty("flops.home", "..")).toAbsolutePath();

  @TempDir static Path scratch;

  private static Path mavenRepository;

  @BeforeAll
  static void writeTheMlApiIntoAScratchRepository() throws Exception {
    String version = Scaffold.versions().get("flopsVersion");
    Path jar =
        Path.of(ModelManager.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assertThat(jar).as("the flops-ml-api jar of this build").isRegularFile();
    mavenRepository = scratch.resolve("m2");
    Path dir = mavenRepository.resolve("io/flops/flops-ml-api").resolve(version);
    Files.createDirectories(dir);
    Files.copy(jar, dir.resolve("flops-ml-api-" + version + ".jar"));
    Files.writeString(
        dir.resolve("flops-ml-api-" + version + ".pom"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.flops</groupId>
          <artifactId>flops-ml-api</artifactId>
          <version>%s</version>
        </project>
        """
            .formatted(version));
  }

  @ParameterizedTest
  @EnumSource(Template.class)
  void theGeneratedRepositoryCompilesAndPassesItsSmokeTest(Template template) throws Exception {
    Path repo = scratch.resolve(template.id() + "-model");
    assertThat(CliRun.of("init", repo.toString(), "--template", template.id()).exitCode()).isZero();

    Path log = scratch.resolve(template.id() + "-maven.log");
    Process maven =
        new ProcessBuilder(
                List.of(
                    HOME.resolve("mvnw").toString(),
                    "-B",
                    "-o",
                    "verify",
                    "-f",
                    repo.resolve("pom.xml").toString(),
                    "-Dmaven.repo.local=" + mavenRepository,
                    "-Dmaven.repo.local.tail=" + localRepository()))
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = maven.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      maven.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);

    assertThat(ended).as("Maven ended within 10 minutes").isTrue();
    assertThat(maven.exitValue()).as("Maven's exit code").isZero();
    assertThat(output)
        .contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0")
        .contains("BUILD SUCCESS");
    assertThat(repo.resolve("target/" + template.id() + "-model-0.1.0-SNAPSHOT.jar")).exists();
  }

  private static String localRepository() {
    String repository = System.getProperty("flops.maven.repo.local");
    return repository != null
        ? repository
        : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
  }
}
